-- A hand-written messy province: one row per variant class that real platform tables are full
-- of, defects and harmless variants alike, with the verdict each must get. Written from the
-- definitions in docs/CATALOGUE.md (normalisation, precedence, record identity), not from what
-- the scanner does. Catalogue: catalogue.json; pack: pack.json; scan instant
-- 2026-11-27T08:00:00Z (16:00 in Asia/Shanghai, scan day 2026-11-27).
--
-- platform.expected: every finding the scan must report, exactly (rule, dataset, record,
-- attribute). platform.variants: every row and what it is; a 'harmless' row must get no
-- finding at all. A record whose key is NULL, blank or shared (after the key normalisation:
-- NFKC, blanks removed, upper case) is named "<trimmed key>#<n>", n counting within the group
-- in the order of trimmed key, subject key, last update (as text).
CREATE SCHEMA platform;

-- Household registry (authoritative for person name, sex, birth date). The update column is a
-- timestamp WITHOUT time zone holding Shanghai local time.
CREATE TABLE platform.hh (rid text, sfzh text, xm text, xb text, csrq date, gxsj timestamp);
-- Social assistance: agency codes for sex, dates as typed, phones as typed.
CREATE TABLE platform.aid (jlid text, sfzh text, xm text, xb text, csrq text, lxdh text,
                           update_time timestamptz NOT NULL);
-- Company register (authoritative for org.name); the update column is a date.
CREATE TABLE platform.biz (qyid text, tyshxydm text, qymc text, zczb text, clrq text, gxrq date);
-- Social insurance: an employer credit code that must exist in the company register; the
-- update column is text in the format %Y%m%d%H%M%S, Shanghai local time.
CREATE TABLE platform.ins (aac001 text, aac002 text, aac003 text, dwdm text, aae036 text);
-- Taxpayers: names as the tax office types them.
CREATE TABLE platform.tax (djxh bigint, nsrsbh text, nsrmc text, xgrq timestamptz NOT NULL);

CREATE TABLE platform.variants (dataset_id text, record_key text, variant text, verdict text);
CREATE TABLE platform.expected (rule_id text, dataset_id text, record_key text, attribute text);

-- ---- hh ---------------------------------------------------------------------------------
INSERT INTO platform.hh VALUES
  ('h01', '330106199003070110', '张三', '1', '1990-03-07', '2026-11-27 09:00:00'),
  ('h02', '３３０１０６１９８５１２０１０２２６', '王芳', '2', '1985-12-01', '2026-11-27 09:00:00'),
  ('h03', '33010219770707019x', '赵六', '1', '1977-07-07', '2026-11-27 09:00:00'),
  ('h04', '330203199001020415', '郭 馨', '1', '1990-01-02', '2026-11-27 09:00:00'),
  ('h05', '330302199505050510', E'\u3000孙八\u00a0', '1', '1995-05-05', '2026-11-27 09:00:00'),
  (NULL, '330402198808080611', '周九', '1', '1988-08-08', '2026-11-27 09:00:00'),
  ('  ', '330502199909090712', '吴十', '1', '1999-09-09', '2026-11-27 09:00:00'),
  (E'\u3000', '330106197001012313', '陈一', '1', '1970-01-01', '2026-11-27 09:00:00'),
  ('R8', '330602197701010812', '郑一', '1', '1977-01-01', '2026-11-27 09:00:00'),
  ('R8', '330702196606060919', '冯二', '1', '1966-06-06', '2026-11-27 09:00:00'),
  ('r10', '330106197201012422', '何三', '2', '1972-01-01', '2026-11-27 09:00:00'),
  ('Ｒ１０ ', '330106197301012518', '吕四', '1', '1973-01-01', '2026-11-27 09:00:00'),
  ('R 10', '330106198202023013', '韩五', '1', '1982-02-02', '2026-11-27 09:00:00'),
  ('h12', '330106650412123', '钱七', '1', '1965-04-12', '2026-11-27 09:00:00'),
  ('h13', '330108202701011318', '孔八', '1', '2027-01-01', '2026-11-27 09:00:00'),
  ('h14', '330602197701010810', '卫九', '1', '1977-01-01', '2026-11-27 09:00:00'),
  ('h15', '33010619740101262X', E'\u3000', '2', '1974-01-01', '2026-11-27 09:00:00'),
  ('h16', '330106197501012715', E'\u200b\ufeff', '1', '1975-01-01', '2026-11-27 09:00:00'),
  ('h17a', '331002198002291718', '刘备', '1', '1980-02-29', '2026-11-27 09:00:00'),
  ('h17b', '３３１００２１９８００２２９１７１８', '刘备', '1', '1980-02-29', '2026-11-27 09:00:00'),
  ('h18', '330902199202022216', '蒋二', '1', '1992-02-02', '2026-11-26 15:00:00'),
  ('h19', '33021219751212212X', '李四', '2', '1975-12-12', '2026-11-27 09:00:00'),
  ('h20', '653101198303032811', '买买提·艾力', '1', '1983-03-03', '2026-11-27 09:00:00'),
  ('h21', '330106198101012913', 'JOHN  SMITH', '1', '1981-01-01', '2026-11-27 09:00:00');

INSERT INTO platform.variants VALUES
  ('hh', 'h01', 'clean record', 'harmless'),
  ('hh', 'h02', 'full-width digits in the ID number', 'harmless'),
  ('hh', 'h03', 'lower-case x in the ID number', 'harmless'),
  ('hh', 'h04', 'inner space in a Chinese name (郭 馨 = 郭馨 elsewhere)', 'harmless'),
  ('hh', 'h05', 'U+3000 and NBSP padding around a name', 'harmless'),
  ('hh', '#1', 'record key U+3000 only (blank)', 'defect'),
  ('hh', '#2', 'record key NULL', 'defect'),
  ('hh', '#3', 'record key of ASCII spaces (blank)', 'defect'),
  ('hh', 'R8#1', 'record key shared by two rows (first)', 'defect'),
  ('hh', 'R8#2', 'record key shared by two rows (second)', 'defect'),
  ('hh', 'R 10#1', 'record keys that differ only by a space, case and width (1)', 'defect'),
  ('hh', 'r10#2', 'record keys that differ only by a space, case and width (2)', 'defect'),
  ('hh', 'Ｒ１０#3', 'record keys that differ only by a space, case and width (3)', 'defect'),
  ('hh', 'h12', '15-digit legacy ID number, legacy allowed by the catalogue', 'harmless'),
  ('hh', 'h13', 'ID number with a future birth date (and the same birth date column)', 'defect'),
  ('hh', 'h14', 'ID number with a wrong check character', 'defect'),
  ('hh', 'h15', 'name that is only U+3000', 'defect'),
  ('hh', 'h16', 'name that is only U+200B U+FEFF', 'defect'),
  ('hh', 'h17a', 'ID number registered twice (ASCII)', 'defect'),
  ('hh', 'h17b', 'ID number registered twice (full-width)', 'defect'),
  ('hh', 'h18', 'timestamp without time zone, local 15:00 = 07:00Z, older than one day', 'defect'),
  ('hh', 'h19', 'clean record (authority of a name conflict)', 'harmless'),
  ('hh', 'h20', 'ethnic-minority name with U+00B7', 'harmless'),
  ('hh', 'h21', 'Latin name with two spaces', 'harmless');

-- ---- aid --------------------------------------------------------------------------------
INSERT INTO platform.aid VALUES
  ('a01', '330106199003070110', '张三', 'M', '1990/3/7', '+86 138 0013 8000', '2026-11-20 00:00:00+00'),
  ('a02', '330106198512010226', '王芳', 'ｆ', '1985年12月1日', '0086 139-0000-0000', '2026-11-20 00:00:00+00'),
  ('a03', '33010219770707019X', '赵六', '男', '19770707', '139 0000 0001', '2026-11-20 00:00:00+00'),
  ('a04', '330203199001020415', '郭馨', '1', '1990.01.02', '13900000002', '2026-11-20 00:00:00+00'),
  ('a05', '330302199505050510', '孙八', 'm', '1995-05-05', '１３９０００００００３', '2026-11-20 00:00:00+00'),
  ('a06', '330106196504121234', '钱七', '1', '1965/04/12', NULL, '2026-11-20 00:00:00+00'),
  ('a07', '330602197701010810', '卫九', '1', '1977-01-01', NULL, '2026-11-20 00:00:00+00'),
  ('a08', '331102200101012011', '沈五', '1', '2001-01-01', NULL, '2026-11-20 00:00:00+00'),
  ('a09', '33021219751212212X', '李肆', '女', '1975-12-12', NULL, '2026-11-20 00:00:00+00'),
  ('a10', '653101198303032811', '买买提•艾力', '男', '1983-03-03', NULL, '2026-11-20 00:00:00+00'),
  ('a11', '330106198101012913', 'john smith', '男', '1981-01-01', NULL, '2026-11-20 00:00:00+00'),
  ('a12', '330702196606060919', '冯二', 'X', '1966-06-06', NULL, '2026-11-20 00:00:00+00'),
  ('a13', '330902199202022216', '蒋二', '男', '2099-01-01', NULL, '2026-11-20 00:00:00+00'),
  ('a14', '330106197001012313', '陈一', '男', '1970-01-01', '12345', '2026-11-20 00:00:00+00'),
  ('a15', '330106197201012422', E'\u00a0', '女', '1972-01-01', NULL, '2026-11-20 00:00:00+00'),
  ('a16', '330106197301012518', '吕四', '男', '1973-01-02', NULL, '2026-11-20 00:00:00+00'),
  ('A17', '330106197501012715', '许六', '男', '1975-01-01', NULL, '2026-11-20 00:00:00+00'),
  ('a17', '330106197501012715', '许六', '男', '1975-01-01', NULL, '2026-11-20 00:00:00+00'),
  ('a18', '330108202701011318', '孔八', '男', '2027-01-01', NULL, '2026-11-20 00:00:00+00');

INSERT INTO platform.variants VALUES
  ('aid', 'a01', 'code M, date 1990/3/7, phone +86 with spaces', 'harmless'),
  ('aid', 'a02', 'full-width lower-case code ｆ, date 1985年12月1日, phone 0086 with dashes', 'harmless'),
  ('aid', 'a03', 'code 男, date 19770707, upper-case X where the registry has x', 'harmless'),
  ('aid', 'a04', 'name without the space the registry has, date 1990.01.02', 'harmless'),
  ('aid', 'a05', 'code m, full-width phone, name the registry pads', 'harmless'),
  ('aid', 'a06', '18-digit form of the registry''s 15-digit number', 'harmless'),
  ('aid', 'a07', 'malformed ID number that the registry shares: identifier only', 'defect'),
  ('aid', 'a08', 'person not in the registry', 'defect'),
  ('aid', 'a09', 'another name than the registry''s', 'defect'),
  ('aid', 'a10', 'middle dot U+2022 where the registry has U+00B7', 'harmless'),
  ('aid', 'a11', 'lower-case Latin name, one space', 'harmless'),
  ('aid', 'a12', 'sex code outside the domain: value_in_set only', 'defect'),
  ('aid', 'a13', 'birth date in the future: date_sanity only', 'defect'),
  ('aid', 'a14', 'phone 12345', 'defect'),
  ('aid', 'a15', 'name that is only NBSP', 'defect'),
  ('aid', 'a16', 'birth date differs from the ID number: id_consistency only', 'defect'),
  ('aid', 'A17#1', 'record keys that differ only by case (1)', 'defect'),
  ('aid', 'a17#2', 'record keys that differ only by case (2)', 'defect'),
  ('aid', 'a18', 'future birth date in the ID number and the birth date column', 'defect');

-- ---- biz --------------------------------------------------------------------------------
INSERT INTO platform.biz VALUES
  ('b01', '91330106MA2B3C4D11', '杭州恒达科技有限公司', '1000000', '2015-06-01', '2026-11-26'),
  ('b02', '91330100MA7H8J9K1D', '恒达（杭州）网络有限公司', '500,000', '2018/3/1', '2026-11-26'),
  ('b03', '９１３３０１０８ＭＡ５Ｎ６Ｐ７Ｑ５Ｃ', '杭州远景贸易有限公司', '２０００００', '2010年5月4日', '2026-11-26'),
  ('b04', '91330203MA1R2T3U8L', '杭州天成建设有限公司', '-5', '2012-01-01', '2026-11-26'),
  ('b05', '91330302MAW4X5Y689', '杭州宏图物流有限公司', 'abc', '2011-01-01', '2026-11-26'),
  ('b06', '91330402MA8B9C0DXA', '杭州嘉禾食品有限公司', '100', '2030-01-01', '2026-11-26'),
  ('b07', '91330106ma2b3c4d11', '杭州恒达科技有限公司', '1000000', '2015-06-01', '2026-11-25'),
  ('b08', '91330106MA2B3C4D12', '杭州坏码有限公司', '100', '2016-01-01', '2026-11-25');

INSERT INTO platform.variants VALUES
  ('biz', 'b01', 'credit code registered twice (upper case)', 'defect'),
  ('biz', 'b02', 'full-width brackets in the name, capital 500,000, date 2018/3/1', 'harmless'),
  ('biz', 'b03', 'full-width credit code and capital, date 2010年5月4日', 'harmless'),
  ('biz', 'b04', 'registered capital below the minimum', 'defect'),
  ('biz', 'b05', 'registered capital that is not a number', 'defect'),
  ('biz', 'b06', 'founding date in the future', 'defect'),
  ('biz', 'b07', 'credit code registered twice (lower case)', 'defect'),
  ('biz', 'b08', 'credit code with a wrong check character', 'defect');

-- ---- ins --------------------------------------------------------------------------------
INSERT INTO platform.ins VALUES
  ('i01', '330106199003070110', '张三', '91330106MA2B3C4D11', '20261120103000'),
  ('i02', '330106198512010226', '王芳', '91330100ma7h8j9k1d', '20261120103000'),
  ('i03', '33010219770707019X', '赵六', '９１３３０１０８ＭＡ５Ｎ６Ｐ７Ｑ５Ｃ', '20261120103000'),
  ('i04', '330106650412123', '钱七', '91330203MA1R2T3U8L', '20261120103000'),
  ('i05', '330203199001020415', '郭馨', '91330502MA3E4F5G0W', '20261120103000'),
  ('i06', '330302199505050510', '孙八', '91330106MA2B3C4D12', '20261120103000'),
  ('i07', '331102200101012011', '沈五', '91330106MA2B3C4D11', '20261120103000'),
  ('i08', '330106197001012313', '陈一', NULL, 'yesterday'),
  ('i09', '330106197201012422', '何三', NULL, '20240101000000'),
  ('I10', '330106197301012518', '吕四', NULL, '20261120103000'),
  ('i10', '330106197301012518', '吕四', NULL, '20261120103000');

INSERT INTO platform.variants VALUES
  ('ins', 'i01', 'clean record', 'harmless'),
  ('ins', 'i02', 'lower-case employer credit code', 'harmless'),
  ('ins', 'i03', 'full-width employer credit code', 'harmless'),
  ('ins', 'i04', '15-digit legacy ID number', 'harmless'),
  ('ins', 'i05', 'employer credit code not in the company register', 'defect'),
  ('ins', 'i06', 'malformed employer credit code: identifier only', 'defect'),
  ('ins', 'i07', 'person not in the registry', 'defect'),
  ('ins', 'i08', 'last update that does not parse in the declared format', 'defect'),
  ('ins', 'i09', 'last update older than a year and 30 days', 'defect'),
  ('ins', 'I10#1', 'record keys that differ only by case (1)', 'defect'),
  ('ins', 'i10#2', 'record keys that differ only by case (2)', 'defect');

-- ---- tax --------------------------------------------------------------------------------
INSERT INTO platform.tax VALUES
  (1, '91330100MA7H8J9K1D', '恒达(杭州)网络有限公司', '2026-11-10 00:00:00+08'),
  (2, '91330108MA5N6P7Q5C', ' 杭州 远景 贸易有限公司 ', '2026-11-10 00:00:00+08'),
  (3, '91330203MA1R2T3U8L', '杭州天成建筑有限公司', '2026-11-10 00:00:00+08'),
  (4, '91330302maw4x5y689', '杭州宏图物流有限公司', '2026-11-10 00:00:00+08'),
  (5, '91330502MA3E4F5G0W', '湖州某某有限公司', '2026-11-10 00:00:00+08');

INSERT INTO platform.variants VALUES
  ('tax', '1', 'half-width brackets where the register has full-width ones', 'harmless'),
  ('tax', '2', 'spaces around and inside an organisation name', 'harmless'),
  ('tax', '3', 'another name than the register''s', 'defect'),
  ('tax', '4', 'lower-case credit code', 'harmless'),
  ('tax', '5', 'taxpayer not in the company register', 'defect'),
  ('tax', '*', 'newest update older than a week', 'defect');

-- ---- the verdicts -------------------------------------------------------------------------
INSERT INTO platform.expected VALUES
  ('M-UNQ-KEY', 'hh', '#1', '_record_key'),
  ('M-UNQ-KEY', 'hh', '#2', '_record_key'),
  ('M-UNQ-KEY', 'hh', '#3', '_record_key'),
  ('M-UNQ-KEY', 'hh', 'R8#1', '_record_key'),
  ('M-UNQ-KEY', 'hh', 'R8#2', '_record_key'),
  ('M-UNQ-KEY', 'hh', 'R 10#1', '_record_key'),
  ('M-UNQ-KEY', 'hh', 'r10#2', '_record_key'),
  ('M-UNQ-KEY', 'hh', 'Ｒ１０#3', '_record_key'),
  ('M-DATE', 'hh', 'h13', 'person.birth_date'),
  ('M-IDV', 'hh', 'h14', 'person.id_number'),
  ('M-REQ', 'hh', 'h15', 'person.name'),
  ('M-REQ', 'hh', 'h16', 'person.name'),
  ('M-UNQ-ID', 'hh', 'h17a', 'person.id_number'),
  ('M-UNQ-ID', 'hh', 'h17b', 'person.id_number'),
  ('M-STALE-HH', 'hh', 'h18', '_record'),

  ('M-IDV', 'aid', 'a07', 'person.id_number'),
  ('M-REF-P', 'aid', 'a08', 'person.id_number'),
  ('M-CONF', 'aid', 'a09', 'person.name'),
  ('M-SET', 'aid', 'a12', 'person.sex'),
  ('M-DATE', 'aid', 'a13', 'person.birth_date'),
  ('M-PAT', 'aid', 'a14', 'person.phone'),
  ('M-REQ', 'aid', 'a15', 'person.name'),
  ('M-CONS', 'aid', 'a16', 'person.birth_date'),
  ('M-UNQ-KEY', 'aid', 'A17#1', '_record_key'),
  ('M-UNQ-KEY', 'aid', 'a17#2', '_record_key'),
  ('M-DATE', 'aid', 'a18', 'person.birth_date'),

  ('M-UNQ-ID', 'biz', 'b01', 'org.credit_code'),
  ('M-RANGE-CAP', 'biz', 'b04', 'org.registered_capital'),
  ('M-RANGE-CAP', 'biz', 'b05', 'org.registered_capital'),
  ('M-RANGE-FOUNDED', 'biz', 'b06', 'org.founded'),
  ('M-UNQ-ID', 'biz', 'b07', 'org.credit_code'),
  ('M-IDV', 'biz', 'b08', 'org.credit_code'),

  ('M-REF-EMP', 'ins', 'i05', 'person.employer_credit_code'),
  ('M-IDV', 'ins', 'i06', 'person.employer_credit_code'),
  ('M-REF-P', 'ins', 'i07', 'person.id_number'),
  ('M-STALE-INS', 'ins', 'i08', '_record'),
  ('M-STALE-INS', 'ins', 'i09', '_record'),
  ('M-UNQ-KEY', 'ins', 'I10#1', '_record_key'),
  ('M-UNQ-KEY', 'ins', 'i10#2', '_record_key'),

  ('M-CONF', 'tax', '3', 'org.name'),
  ('M-REF-TAX', 'tax', '5', 'org.credit_code'),
  ('M-STALE-DS', 'tax', '*', '_dataset');
