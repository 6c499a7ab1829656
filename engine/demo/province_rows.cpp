#include "engine/demo/province_rows.hpp"

namespace jiaohe::engine::demo {

const TableShape& table_shape(ProvinceTable table) {
  // Column names are the contract with data/demo/catalogue.json; a test compares them.
  static const std::array<TableShape, kProvinceTableCount> kShapes = {{
      {"gaj_hukou", {"rkbh", "gmsfhm", "xm", "xb", "csrq", "hjdz", "gxsj"}},
      {"mzt_dibao", {"jlid", "sfzh", "xingming", "xingbie", "chusheng_riqi", "lxdh", "jzdz", "update_time"}},
      {"rst_insured", {"aac001", "aac002", "aac003", "aac004", "aac006", "aae005", "aab001", "aae036"}},
      {"scj_company", {"qyid", "tyshxydm", "qymc", "fddbr", "djzt", "zs", "gxsj"}},
      {"swj_taxpayer", {"djxh", "nsrsbh", "nsrmc", "fddbrxm", "nsrzt", "scjydz", "xgrq"}},
  }};
  return kShapes[static_cast<std::size_t>(table)];
}

}  // namespace jiaohe::engine::demo
