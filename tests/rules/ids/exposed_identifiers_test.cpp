// Exposed identifiers in free text, case by case from the definitions in
// rules/ids/exposed_identifiers.hpp (one case per line; harmless variants must find nothing).
#include <doctest/doctest.h>

#include <string>

#include "rules/ids/exposed_identifiers.hpp"
#include "rules/ids/id_generator.hpp"

using namespace jiaohe::rules::ids;
using namespace std::chrono;

namespace {

constexpr year_month_day kToday{year{2026} / December / 2};
constexpr ExposedKinds kId = static_cast<ExposedKinds>(ExposedKind::kCitizenId);
constexpr ExposedKinds kBiz = static_cast<ExposedKinds>(ExposedKind::kIndividualBusinessCode);
constexpr ExposedKinds kMobile = static_cast<ExposedKinds>(ExposedKind::kMobile);

ExposedKinds found(const std::string& text) { return find_exposed(text, kToday); }

// GB 11643's own example number (Beijing Chaoyang, born 1949-12-31, check X).
const std::string kExampleId = "11010519491231002X";

}  // namespace

TEST_CASE("a citizen number anywhere in a text is exposed") {
  CHECK(found(kExampleId) == kId);
  CHECK(found("申请人身份证号" + kExampleId + "，住址杭州") == kId);
  CHECK(found("ID:" + kExampleId) == kId);
  CHECK(found("ID" + kExampleId) == kId);  // letters before the digits do not hide it
  CHECK(found("11010519491231002x") == kId);  // lower-case check character
  CHECK(found("１１０１０５１９４９１２３１００２Ｘ") == kId);  // full-width, as typed
}

TEST_CASE("harmless look-alikes of a citizen number are not exposures") {
  CHECK(found("110105********002X") == 0);        // masked
  CHECK(found("110105194912310021") == 0);        // check character wrong
  CHECK(found("9" + kExampleId.substr(0, 17)) == 0);  // 18 digits, wrong check, inside a longer story
  CHECK(found("1" + kExampleId) == 0);            // part of a 19-character run of digits
  CHECK(found("110105205012310020") == 0);        // born after today
  CHECK(found("990105194912310026") == 0);        // 99 is no province
  CHECK(found("110105491231002") == 0);           // 15-digit numbers are not looked for
  CHECK(found("订单号 20261202000000000001") == 0);  // a long order number
}

TEST_CASE("a credit code of an individual business is exposed, a company's is not") {
  const std::string individual = make_credit_code('9', '2', "330106", "MA2K3L4N");
  const std::string company = make_credit_code('9', '1', "330106", "MA2K3L4N");
  CHECK(found(individual) == kBiz);
  CHECK(found("经营者：张三，代码 " + individual) == kBiz);
  CHECK(found(company) == 0);                                       // a company's code is public
  CHECK(found(individual.substr(0, 17) + (individual[17] == '0' ? '1' : '0')) == 0);  // check wrong
  CHECK(found(individual + "A") == 0);                             // part of a longer code
}

TEST_CASE("a mobile number in its usual spellings is exposed") {
  CHECK(found("13800138000") == kMobile);
  CHECK(found("联系电话：138 0013 8000") == kMobile);
  CHECK(found("138-0013-8000") == kMobile);
  CHECK(found("+8613800138000") == kMobile);
  CHECK(found("+86 138 0013 8000") == kMobile);
  CHECK(found("008613800138000") == kMobile);
  CHECK(found("１３８００１３８０００") == kMobile);
}

TEST_CASE("harmless numbers are not mobile numbers") {
  CHECK(found("138****8000") == 0);                  // masked
  CHECK(found("0571-87654321") == 0);                // a landline
  CHECK(found("12800138000") == 0);                  // 12x is no mobile prefix
  CHECK(found("213800138000") == 0);                 // part of a 12-digit number
  CHECK(found("2026-12-02 13:80:01") == 0);          // a date and time
  CHECK(found("金额 13800138000.00 元") == kMobile); // the digits are a mobile number's: counted
  CHECK(found("1380013800") == 0);                   // 10 digits
  CHECK(found("") == 0);
  CHECK(found("\xff\xfe\x80 broken bytes 1380013") == 0);  // malformed UTF-8 never throws
}

TEST_CASE("one text can expose several kinds") {
  CHECK(found(kExampleId + " 13800138000") == (kId | kMobile));
  // The digits of a citizen number hold no mobile number: runs are taken whole.
  CHECK(found("11010519491231002X") == kId);
}

TEST_CASE("every kind has a stable name") {
  CHECK(exposed_kind_name(ExposedKind::kCitizenId) == "citizen_id");
  CHECK(exposed_kind_name(ExposedKind::kIndividualBusinessCode) == "individual_business_code");
  CHECK(exposed_kind_name(ExposedKind::kMobile) == "mobile");
}
