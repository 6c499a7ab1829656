#pragma once
// tests/data/messy/ in a fresh database: the hand-written messy province (province.sql) with
// its catalogue and rule pack, for the tests of issue 11.
#include <fstream>
#include <sstream>
#include <string>

#include <pqxx/pqxx>

#include "engine/catalog/catalog.hpp"
#include "tests/support/test_database.hpp"

namespace jiaohe::testing {

struct MessyData {
  TestDatabase db;
  const std::string dir = source_dir() + "/tests/data/messy";
  engine::catalog::Catalogue catalogue = engine::catalog::load_catalogue(dir + "/catalogue.json");
  rules::RulePack pack = engine::catalog::load_rule_pack(dir + "/pack.json", catalogue);

  MessyData() {
    std::ifstream in(dir + "/province.sql", std::ios::binary);
    std::stringstream sql;
    sql << in.rdbuf();
    pqxx::connection c(db.url());
    pqxx::work tx(c);
    tx.exec(sql.str());
    tx.commit();
  }
};

}  // namespace jiaohe::testing
