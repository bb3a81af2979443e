// docs/json-schema.md against real output: the field tables are parsed,
// and the JSON that the binary (and, for fetched pages and WARC records,
// the renderer) writes must use only documented fields of the documented
// types, carry every field documented as always present, and between them
// show every documented field, so that the document and the code cannot
// drift apart.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "run_cli.h"
#include "sink/sink.h"

using namespace webclean::testing;

namespace {

using json = nlohmann::ordered_json;

struct Field {
  std::string type;
  bool always = false;
};
// Field paths as documented: "metadata.title", "warc_headers.*", "*".
using Schema = std::map<std::string, Field>;

std::string trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

std::string schema_document() {
  return read_file(std::string(WEBCLEAN_SOURCE_DIR) + "/docs/json-schema.md");
}

// The field tables of docs/json-schema.md by section title ("Document
// object", ...): rows "| `path` | type | present | meaning |".
std::map<std::string, Schema> read_schemas() {
  std::map<std::string, Schema> schemas;
  std::string section;
  for (const std::string& line : lines_of(schema_document())) {
    if (line.rfind("## ", 0) == 0) section = line.substr(3);
    if (section.empty() || line.rfind("| `", 0) != 0) continue;  // field tables only
    std::vector<std::string> cells;
    std::istringstream row(line.substr(1));
    for (std::string cell; std::getline(row, cell, '|');) cells.push_back(trimmed(cell));
    REQUIRE(cells.size() >= 3);
    const std::string path = cells[0].substr(1, cells[0].size() - 2);  // strip the backticks
    schemas[section][path] = Field{cells[1], cells[2] == "always"};
  }
  return schemas;
}

bool has_type(const json& value, const std::string& type) {
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "integer or null") return value.is_number_integer() || value.is_null();
  return type == "any";
}

// Checks `object` against `schema` (its fields below `prefix`), blocks
// against `blocks`; records every documented path it saw in `seen`.
void check_object(const json& object, const Schema& schema, const Schema& blocks,
                  std::set<std::string>& seen, const std::string& prefix = "") {
  REQUIRE(object.is_object());
  for (const auto& [key, value] : object.items()) {
    std::string path = prefix + key;
    if (schema.count(path) == 0) path = prefix + "*";
    INFO("field " << prefix + key);
    const auto field = schema.find(path);
    REQUIRE(field != schema.end());  // every field written is documented
    seen.insert(path);
    CHECK(has_type(value, field->second.type));
    if (path.back() == '*') continue;  // free-form: passthrough fields, headers
    if (value.is_object()) check_object(value, schema, blocks, seen, path + ".");
    if (key == "blocks" && prefix.empty()) {
      std::set<std::string> seen_in_blocks;
      for (const json& block : value) check_object(block, blocks, blocks, seen_in_blocks);
      for (const std::string& name : seen_in_blocks) seen.insert("blocks[]." + name);
    }
  }
  for (const auto& [path, field] : schema) {
    const bool direct = path.rfind(prefix, 0) == 0 &&
                        path.find('.', prefix.size()) == std::string::npos && path.back() != '*';
    INFO("field " << path);
    if (direct && field.always) CHECK(object.contains(path.substr(prefix.size())));
  }
}

// Every documented field (but free-form ones) was written somewhere.
void check_all_seen(const Schema& schema, const std::set<std::string>& seen,
                    const std::string& prefix = "") {
  for (const auto& [path, field] : schema) {
    INFO("documented field " << prefix + path << " never written");
    if (path.back() != '*') CHECK(seen.count(prefix + path) == 1);
  }
}

const std::string kHeadedPage =
    "<html lang=\"en\"><head><title>Council news</title></head><body><article><h2>The "
    "bridge</h2><p>The bridge was discussed at length by the members of the council on Tuesday "
    "evening, and most of them agreed that it should be looked at again before the end of the "
    "year, when a final decision on the bridge is expected.</p></article></body></html>";

}  // namespace

TEST_CASE("the JSON schema document names the version the code writes", "[cli][schema]") {
  const std::string document = schema_document();
  const std::string version =
      "The current version is **" + std::to_string(webclean::sink::kJsonSchemaVersion) + "**";
  CHECK(document.find(version) != std::string::npos);
  const auto schemas = read_schemas();
  REQUIRE(schemas.count("Block object") == 1);
  // Every object written on its own starts with the version.
  for (const char* section : {"Document object", "JSONL stream record", "WARC stream record"}) {
    INFO(section);
    REQUIRE(schemas.count(section) == 1);
    REQUIRE(schemas.at(section).count("schema_version") == 1);
    CHECK(schemas.at(section).at("schema_version").always);
  }
}

TEST_CASE("document objects use exactly the documented fields", "[cli][schema]") {
  const auto schemas = read_schemas();
  const Schema& document = schemas.at("Document object");
  const Schema& blocks = schemas.at("Block object");
  std::set<std::string> seen;

  TempDir dir;
  write_file(dir / "page.html", kHeadedPage);
  const Run explained = run(dir, "-f json --explain " + quoted(dir / "page.html"));
  REQUIRE(explained.status == 0);
  const json with_blocks = json::parse(explained.out);
  check_object(with_blocks, document, blocks, seen);
  CHECK(with_blocks.at("schema_version") == webclean::sink::kJsonSchemaVersion);

  write_file(dir / "notes.txt", "A note.\n\nAnother paragraph of the note.\n");
  const Run lines =
      run(dir, "-f jsonl " + quoted(dir / "page.html") + " " + quoted(dir / "notes.txt"));
  REQUIRE(lines.status == 0);
  for (const std::string& line : lines_of(lines.out)) {
    check_object(json::parse(line), document, blocks, seen);
  }

  // Fetched pages and failures do not come from local files: the renderer writes them.
  webclean::Result fetched;
  fetched.text = "Text.";
  check_object(json::parse(webclean::sink::render_fetched_json(
                   fetched, "https://example.org/", {"https://example.org/a", 200, 0.25})),
               document, blocks, seen);
  webclean::Result failed;
  failed.error = "binary data";
  check_object(json::parse(webclean::sink::render_json(failed, "x.html", "")), document, blocks,
               seen);

  check_all_seen(document, seen);
  check_all_seen(blocks, seen, "blocks[].");
}

TEST_CASE("JSONL stream records use exactly the documented fields", "[cli][schema]") {
  const auto schemas = read_schemas();
  const Schema& record = schemas.at("JSONL stream record");
  const Schema& blocks = schemas.at("Block object");
  std::set<std::string> seen;
  TempDir dir;
  const json input = {{"id", "doc-1"},
                      {"url", "https://example.org/1"},
                      {"html", kHeadedPage},
                      {"lang", "en"},
                      {"extra", {{"score", 3}}}};
  write_file(dir / "in.jsonl", input.dump() + "\n");
  for (const std::string options : {"", "-f markdown --explain "}) {
    const Run result = run(dir, options + quoted(dir / "in.jsonl"));
    REQUIRE(result.status == 0);
    const std::vector<std::string> lines = lines_of(result.out);
    REQUIRE(lines.size() == 1);
    const json output = json::parse(lines[0]);
    check_object(output, record, blocks, seen);
    CHECK(output.at("lang") == "en");  // a passthrough field: the "*" row
  }
  check_all_seen(record, seen);
}

TEST_CASE("WARC stream records use exactly the documented fields", "[cli][schema]") {
  const auto schemas = read_schemas();
  const Schema& record_schema = schemas.at("WARC stream record");
  const Schema& blocks = schemas.at("Block object");
  std::set<std::string> seen;
  webclean::Result result;
  result.text = "Text.";
  result.markdown = "Text.";
  webclean::BlockReport block;
  block.text = "Text.";
  block.kind = "paragraph";
  result.blocks.push_back(block);
  webclean::sink::RecordFields record;
  record.id = "<urn:uuid:1>";
  record.url = "https://example.org/";
  record.date = "2024-05-01T10:00:00Z";
  record.http_status = 200;
  check_object(json::parse(webclean::sink::render_warc_record(result, record)), record_schema,
               blocks, seen);
  record.http_status = 0;
  const std::vector<std::pair<std::string, std::string>> headers = {{"WARC-Type", "conversion"}};
  record.headers = &headers;
  check_object(json::parse(webclean::sink::render_warc_record(result, record, true)), record_schema,
               blocks, seen);
  check_all_seen(record_schema, seen);
}
