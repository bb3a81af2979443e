#include "cli/work.h"

#include <exception>

#include "records/records.h"
#include "sink/sink.h"
#include "source/source.h"

namespace webclean::cli {
namespace {

InputKind document_kind(InputFormat format) {
  if (format == InputFormat::kHtml) return InputKind::kHtml;
  if (format == InputFormat::kText) return InputKind::kText;
  return InputKind::kAuto;
}

std::string render_document(const Result& result, const Input& input, const fetch::Page& page,
                            const WorkContext& context) {
  const CliOptions& options = context.options;
  const bool to_stream = input.output.empty() && context.plan.several;
  const bool pretty = options.format == sink::Format::kJson && !to_stream;
  switch (options.format) {
    case sink::Format::kJson:
    case sink::Format::kJsonl:
      if (input.holds != Holds::kUrl) return sink::render_json(result, input.path, "", pretty);
      return sink::render_fetched_json(result, input.path,
                                       {page.final_url, page.status, page.seconds}, pretty);
    case sink::Format::kMarkdown:
    case sink::Format::kText:
      break;
  }
  std::string body;
  if (options.explain) {
    body = sink::render_explain(result);
  } else if (options.format == sink::Format::kMarkdown) {
    body = sink::render_markdown(result, options.with_title);
  } else {
    body = sink::render_text(result, options.with_title);
  }
  if (!to_stream) return body;
  return "==> " + input.path + " <==\n" + body + "\n";
}

void process_file(WorkItem& item, const WorkContext& context, Workspace& workspace,
                  Outcome& outcome) {
  const Input& input = context.plan.inputs[item.input];
  if (!input.error.empty()) {
    outcome.error = input.error;
    return;
  }
  DocumentInfo info = file_info(input, context.options);
  info.repeats = context.repeats;
  source::RawDocument document;
  if (input.holds == Holds::kUrl) {
    // Fetched by the fetcher thread; from here on a page is a file.
    document.bytes = std::move(item.page.bytes);
    document.error = std::move(item.page.error);
    info.url = item.page.final_url;
    info.site = RepeatIndex::site_of(info.url, "");
    info.content_type = item.page.content_type;
    info.content_language = item.page.content_language;
  } else if (item.document) {
    document = std::move(*item.document);
  } else {
    const size_t max_bytes = context.options.max_bytes;
    document = input.path == "-" ? source::read_stdin(max_bytes)
                                 : source::read_file(input.path, max_bytes);
  }
  outcome.bytes_in = input.size != 0 ? input.size : document.bytes.size();
  if (!document.error.empty()) {
    outcome.error = document.error;
    return;
  }
  const Result result = context.cleaner.clean(document.bytes, info, workspace);
  if (!result.ok()) {
    outcome.error = result.error;
    return;
  }
  std::string rendered = render_document(result, input, item.page, context);
  if (input.output.empty() || context.overlap_io) {
    outcome.write_pending = !input.output.empty();
    outcome.output = std::move(rendered);
    return;
  }
  outcome.error = sink::write_atomically(input.output, rendered);
  if (outcome.error.empty()) outcome.bytes_written = rendered.size();
}

// The record's key for --errors (its id, else its position) and its label
// in messages. A WARC record is named by its position, its id and its
// offset in the data: a damaged record may have no id, and the offset
// finds it in the file.
void name_record(const WorkItem& item, bool warc, Outcome& outcome) {
  const source::Record& record = item.record;
  outcome.record_key = records::record_key(record, item.record_number);
  if (!warc) {
    outcome.record_label = "record " + outcome.record_key;
    return;
  }
  outcome.record_label = "record " + std::to_string(item.record_number);
  if (!record.id.empty()) outcome.record_label += " (" + record.id + ")";
  outcome.record_label += " at byte " + std::to_string(record.offset);
}

void process_record(WorkItem& item, const WorkContext& context, Workspace& workspace,
                    Outcome& outcome) {
  source::Record& record = item.record;
  const bool warc = context.plan.inputs[item.input].holds == Holds::kWarc;
  name_record(item, warc, outcome);
  if (!record.error.empty()) {
    // A JSONL reader's message names the line already ("line 7: ...").
    if (!warc) outcome.record_label.clear();
    outcome.error = record.error;
    return;
  }
  const Input& input = context.plan.inputs[item.input];
  DocumentInfo info = records::document_info(record, input.path);
  info.repeats = input.path == "-" ? context.stream_repeats : context.repeats;
  info.repeats_as_of = item.repeats_as_of;
  const Result result = context.cleaner.clean(record.bytes, info, workspace);
  // The bytes are no longer needed; free them before the outcome waits
  // in the reorder window.
  std::string().swap(record.bytes);
  if (!result.ok()) {
    outcome.error = result.error;
    return;
  }
  const bool markdown = context.options.format == sink::Format::kMarkdown;
  const sink::RecordFields fields = records::output_fields(record);
  outcome.output = warc ? sink::render_warc_record(result, fields, markdown)
                        : sink::render_jsonl_record(result, fields, markdown);
}

}  // namespace

DocumentInfo file_info(const Input& input, const CliOptions& options) {
  DocumentInfo info;
  info.kind = document_kind(options.input_format);
  info.site = RepeatIndex::site_of("", input.path);
  return info;
}

Outcome process(WorkItem& item, const WorkContext& context, Workspace& workspace) {
  Outcome outcome;
  outcome.type = item.type;
  outcome.sequence = item.sequence;
  outcome.input = item.input;
  outcome.weight = item.weight;
  try {
    if (item.type == ItemType::kFile) process_file(item, context, workspace, outcome);
    if (item.type == ItemType::kRecord) process_record(item, context, workspace, outcome);
    if (item.type == ItemType::kStreamEnd) outcome.error = item.error;
  } catch (const std::exception& error) {
    outcome.output.clear();
    outcome.error = std::string("internal error: ") + error.what();
  } catch (...) {
    outcome.output.clear();
    outcome.error = "internal error";
  }
  return outcome;
}

}  // namespace webclean::cli
