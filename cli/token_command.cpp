// `jiaohe token`: creates, lists and revokes API bearer tokens (the token is printed once).
#include <algorithm>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/database_flag.hpp"
#include "cli/did_you_mean.hpp"
#include "cli/workflow_loader.hpp"
#include "engine/calendar/local_time.hpp"
#include "engine/clock.hpp"
#include "engine/log/mask.hpp"
#include "engine/store/database.hpp"
#include "engine/store/token_store.hpp"

namespace jiaohe::cli {
namespace {

engine::store::TokenSpec spec_of(const ParsedArgs& args) {
  engine::store::TokenSpec spec;
  const auto role = args.value("role");
  if (!role) throw UsageError("token create needs --role citizen|agency|authority|admin");
  const auto parsed = engine::auth::parse_role(*role);
  if (!parsed) throw UsageError("unknown role '" + *role + "': use citizen, agency, authority or admin");
  spec.role = *parsed;
  spec.subject_id = args.value("subject").value_or("");
  spec.agency_code = args.value("agency").value_or("");
  spec.staff_id = args.value("staff").value_or("");
  spec.staff_name = args.value("name").value_or("");
  spec.head = args.has("head");
  if (spec.staff_id.empty() != spec.staff_name.empty()) throw UsageError("--staff and --name go together");
  if (spec.head && spec.staff_id.empty()) throw UsageError("--head needs --staff and --name");
  spec.label = args.value("label").value_or("");
  if (auto expires = args.value("expires")) {
    std::string error;
    spec.expires_at = engine::calendar::parse_instant(*expires, &error);
    if (!spec.expires_at) throw UsageError("--expires: " + error);
  }
  return spec;
}

// An agency token acts for an agency that owns a dataset of the catalogue: a typo would make
// a token that sees nothing, so it is refused with the codes the catalogue knows.
void check_agency(const std::string& code, const engine::catalog::Catalogue& catalogue) {
  std::vector<std::string> known;
  for (const auto& d : catalogue.datasets)
    if (std::find(known.begin(), known.end(), d.agency.code) == known.end()) known.push_back(d.agency.code);
  if (std::find(known.begin(), known.end(), code) != known.end()) return;
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  const auto near = did_you_mean(code, known);
  throw UsageError("--agency: no agency '" + code + "' in the catalogue " + catalogue.source +
                   (near ? " (did you mean '" + *near + "'?)" : "") + "; its agencies: " + list);
}

int run(const Command&, const ParsedArgs& args, const engine::Config& base) {
  if (args.positionals.empty()) throw UsageError("token needs an action: create, list or revoke ID");
  const std::string action = args.positionals[0];
  if (action != "create" && action != "list" && action != "revoke")
    throw UsageError("unknown action '" + action + "': use create, list or revoke ID");
  if (action == "revoke" ? args.positionals.size() != 2 : args.positionals.size() != 1)
    throw UsageError(action == "revoke" ? "token revoke needs one token id" : "token " + action + " takes no arguments");
  std::optional<engine::store::TokenSpec> spec;
  if (action == "create") spec = spec_of(args);  // usage errors before touching the database
  std::int64_t revoke_id = 0;
  if (action == "revoke") {
    try {
      revoke_id = std::stoll(args.positionals[1]);
    } catch (const std::exception&) {
      throw UsageError("token revoke needs a numeric id, got '" + args.positionals[1] + "'");
    }
  }

  const auto config = with_database_flag(base, args);
  if (spec && !spec->agency_code.empty()) check_agency(spec->agency_code, load_catalogue_flag(args, config));
  engine::store::DatabaseLocation db(config);
  engine::store::TokenStore tokens(db.url());
  const engine::SystemClock clock;
  if (action == "create") {
    const auto created = tokens.create(*spec, clock.now());
    std::cerr << "token " << created.id << " (" << engine::auth::role_name(spec->role)
              << "); it is shown only now:\n";
    std::cout << created.token << "\n";
  } else if (action == "list") {
    std::cout << "id\trole\tsubject\tagency\tstaff\tlabel\tcreated\texpires\trevoked\n";
    for (const auto& t : tokens.list()) {
      const auto staff = t.staff_id.empty() ? std::string("-") : t.staff_id + (t.head ? " (head)" : "");
      std::cout << t.id << '\t' << engine::auth::role_name(t.role) << '\t' << engine::log::mask_identifier(t.subject_id)
                << '\t' << t.agency_code << '\t' << staff << '\t' << t.label << '\t' << engine::calendar::format_instant(t.created_at)
                << '\t' << (t.expires_at ? engine::calendar::format_instant(*t.expires_at) : "-") << '\t'
                << (t.revoked_at ? engine::calendar::format_instant(*t.revoked_at) : "-") << "\n";
    }
  } else {
    tokens.revoke(revoke_id, clock.now());
    std::cout << "token " << revoke_id << " revoked\n";
  }
  return 0;
}

}  // namespace

Command token_command() {
  return {"token",
          "create, list or revoke API bearer tokens",
          "create --role ROLE [...] | list | revoke ID",
          "create: makes a token of ROLE (citizen needs --subject, a valid citizen ID number or\n"
          "credit code; agency needs --agency, an agency of the catalogue) and prints it once on stdout; only its SHA-256 is\n"
          "stored. An agency or authority token may name a person with --staff and --name (--head: the\n"
          "agency's head, who approves extensions), entered in the staff register; without them it acts\n"
          "for its whole unit. list: every token with masked subjects. revoke ID: the token stops\n"
          "working at once. See docs/API.md.",
          {database_url_flag(),
           {"role", "ROLE", "citizen, agency, authority or admin (create)"},
           {"subject", "ID", "the identifier a citizen token acts for (create)"},
           {"agency", "CODE", "the agency an agency token acts for (create)"},
           {"staff", "ID", "the staff id of the person the token names, in its agency or the authority (create)"},
           {"name", "NAME", "that person's name, as events record it (create, with --staff)"},
           {"head", "", "that person is the agency's head, who approves extensions (create, with --staff)"},
           catalogue_flag(),
           {"label", "TEXT", "a note to recognise the token by (create)"},
           {"expires", "INSTANT", "ISO-8601 expiry with offset, e.g. 2027-01-01T00:00:00+08:00 (create)"}},
          run};
}

}  // namespace jiaohe::cli
