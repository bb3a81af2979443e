#include "records/records.h"

#include "base/ascii.h"
#include "webclean/repeat_index.h"

namespace webclean::records {
namespace {

InputKind kind_of(const std::string& kind) {
  if (kind == "html") return InputKind::kHtml;
  if (kind == "text") return InputKind::kText;
  return InputKind::kAuto;
}

}  // namespace

DocumentInfo document_info(const source::Record& record, std::string_view path) {
  DocumentInfo info;
  info.url = record.url;
  info.content_type = record.content_type;
  info.content_language = record.content_language;
  info.kind = kind_of(record.kind);
  info.site = RepeatIndex::site_of(record.url, path);
  return info;
}

sink::RecordFields output_fields(const source::Record& record) {
  return {record.id,          record.url,         record.date,
          record.http_status, record.passthrough, &record.headers};
}

bool first_pass_reads(std::string_view path, bool warc) {
  return !warc || base::named_as(path, {".wet"});
}

std::string record_key(const source::Record& record, uint64_t number) {
  return record.id.empty() ? "#" + std::to_string(number) : record.id;
}

}  // namespace webclean::records
