#include "records.h"

#include <pybind11/stl.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "records/records.h"
#include "sink/sink.h"
#include "source/source.h"
#include "webclean/repeat_index.h"
#include "webclean/result.h"

namespace py = pybind11;

namespace webclean::python {
namespace {

// OSError(errno, reason, path): Python makes it FileNotFoundError,
// IsADirectoryError... as for its own open().
[[noreturn]] void raise_os_error(int code, const std::string& reason, const std::string& path) {
  if (reason == std::strerror(EISDIR)) code = EISDIR;  // found by fstat, not by a failing call
  PyErr_SetObject(PyExc_OSError, py::make_tuple(code, reason, path).ptr());
  throw py::error_already_set();
}

// An open JSON Lines or WARC file, read one record at a time. The reader
// is not thread-safe: a lock serialises threads that share one file, and
// reading (gunzip, HTTP decoding) runs without the GIL.
class RecordFile {
 public:
  RecordFile(std::string path, bool warc, std::unique_ptr<source::RecordReader> reader)
      : path_(std::move(path)), warc_(warc), reader_(std::move(reader)) {}

  std::optional<PyRecord> next() {
    PyRecord out;
    out.warc = warc_;
    out.path = path_;
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mutex_);
    if (!reader_ || !reader_->next(out.record)) {
      if (reader_) bytes_at_end_ = reader_->bytes_read();
      reader_.reset();  // closes the file at its end
      return std::nullopt;
    }
    out.number = ++records_;
    return out;
  }

  const std::string& path() const { return path_; }
  bool warc() const { return warc_; }
  size_t bytes_read() {
    std::lock_guard<std::mutex> lock(mutex_);
    return reader_ ? reader_->bytes_read() : bytes_at_end_;
  }

 private:
  std::string path_;
  bool warc_;
  std::unique_ptr<source::RecordReader> reader_;
  std::mutex mutex_;
  uint64_t records_ = 0;
  size_t bytes_at_end_ = 0;
};

// A str or os.PathLike path as the C++ side takes it.
std::string path_string(const py::object& path) {
  return py::str(py::module_::import("os").attr("fspath")(path)).cast<std::string>();
}

// What a file's name says it holds, as the command line reads it: "warc",
// "jsonl", or nothing.
std::optional<std::string> stream_format(const std::string& path) {
  switch (source::stream_format_of(path)) {
    case source::StreamFormat::kWarc:
      return "warc";
    case source::StreamFormat::kJsonl:
      return "jsonl";
    case source::StreamFormat::kNone:
      break;
  }
  return std::nullopt;
}

bool format_is_warc(const std::string& path, std::optional<std::string> format) {
  if (!format) format = stream_format(path);
  if (!format) {
    throw py::value_error(path +
                          ": not named as JSON Lines (.jsonl, .ndjson) or WARC (.warc, .wet), "
                          "gzipped or not; say which with format=\"jsonl\" or \"warc\"");
  }
  if (*format != "warc" && *format != "jsonl") {
    throw py::value_error("unknown format '" + *format + "': \"jsonl\", \"warc\" or None");
  }
  return *format == "warc";
}

std::unique_ptr<RecordFile> open_records(const py::object& path_object,
                                         const std::optional<std::string>& format, size_t max_bytes,
                                         source::JsonlFields fields) {
  const std::string path = path_string(path_object);
  const bool warc = format_is_warc(path, format);
  if (max_bytes == 0) throw py::value_error("max_bytes must be > 0");
  std::string error;
  std::unique_ptr<std::istream> in = source::open_input(path, error);
  if (!in) raise_os_error(errno, error, path);
  std::unique_ptr<source::RecordReader> reader =
      warc ? source::open_warc(std::move(in), max_bytes)
           : source::open_jsonl(std::move(in), std::move(fields), max_bytes);
  return std::make_unique<RecordFile>(path, warc, std::move(reader));
}

std::string render(const PyRecord& r, const Result& result, bool markdown) {
  if (!result.ok()) {
    throw py::value_error("record " + record_key(r) + " has no output: " + result.error);
  }
  const sink::RecordFields fields = records::output_fields(r.record);
  return r.warc ? sink::render_warc_record(result, fields, markdown)
                : sink::render_jsonl_record(result, fields, markdown);
}

void bind_record(py::module_& m) {
  using R = PyRecord;
  py::class_<R>(m, "Record", "One record of a JSON Lines or WARC file, as webclean reads it.")
      .def_property_readonly("id", [](const R& r) { return r.record.id; })
      .def_property_readonly("key", &record_key,
                             "The id, else \"#N\": the record's name in --errors logs.")
      .def_property_readonly("number", [](const R& r) { return r.number; })
      .def_property_readonly("path", [](const R& r) { return r.path; })
      .def_property_readonly("url", [](const R& r) { return r.record.url; })
      .def_property_readonly("date", [](const R& r) { return r.record.date; })
      .def_property_readonly("kind", [](const R& r) { return r.record.kind; })
      .def_property_readonly("document", [](const R& r) { return py::bytes(r.record.bytes); })
      .def_property_readonly("content_type", [](const R& r) { return r.record.content_type; })
      .def_property_readonly("content_language",
                             [](const R& r) { return r.record.content_language; })
      .def_property_readonly("http_status", [](const R& r) { return r.record.http_status; })
      .def_property_readonly("offset", [](const R& r) { return r.record.offset; })
      .def_property_readonly("error", [](const R& r) { return r.record.error; })
      .def_property_readonly("skipped", [](const R& r) { return r.record.skipped; })
      .def_property_readonly("skip_reason", [](const R& r) { return r.record.skip_reason; })
      .def_property_readonly("site",
                             [](const R& r) { return RepeatIndex::site_of(r.record.url, r.path); })
      .def("to_jsonl", &render, py::arg("result"), py::arg("markdown") = false,
           "The command line's JSON Lines line (with its newline) for this record's result.")
      .def("__repr__", [](const R& r) {
        return "<webclean.Record " + record_key(r) + " " +
               py::repr(py::str(r.record.url)).cast<std::string>() + ">";
      });
}

void bind_record_file(py::module_& m) {
  py::class_<RecordFile>(m, "RecordFile", "The records of one file, read as they are iterated.")
      .def("__iter__", [](RecordFile& self) -> RecordFile& { return self; })
      .def("__next__",
           [](RecordFile& self) {
             std::optional<PyRecord> record = self.next();
             if (!record) throw py::stop_iteration();
             return std::move(*record);
           })
      .def_property_readonly("path", &RecordFile::path)
      .def_property_readonly("format",
                             [](const RecordFile& self) { return self.warc() ? "warc" : "jsonl"; })
      .def_property_readonly("bytes_read", &RecordFile::bytes_read);

  m.def(
      "open_records",
      [](const py::object& path, const std::optional<std::string>& format, size_t max_bytes,
         std::string id_field, std::string url_field, std::string html_field,
         std::string text_field) {
        return open_records(path, format, max_bytes,
                            source::JsonlFields{std::move(id_field), std::move(url_field),
                                                std::move(html_field), std::move(text_field)});
      },
      py::arg("path"), py::arg("format") = py::none(),
      py::arg("max_bytes") = source::kDefaultMaxBytes, py::arg("id_field") = "id",
      py::arg("url_field") = "url", py::arg("html_field") = "html", py::arg("text_field") = "text",
      "Opens a JSON Lines, WARC or WET file (gzipped or not) as the command line reads it.");

  m.def(
      "stream_format", [](const py::object& path) { return stream_format(path_string(path)); },
      py::arg("path"),
      "What a file's name says it holds, as the command line reads it: \"warc\" (.warc, .wet), "
      "\"jsonl\" (.jsonl, .ndjson), each also .gz, else None.");

  m.def(
      "first_pass_reads",
      [](const py::object& path) {
        const std::string name = path_string(path);
        return records::first_pass_reads(name, stream_format(name) == "warc");
      },
      py::arg("path"),
      "Whether the repetition filter's first pass reads this record stream, as in the command "
      "line: JSON Lines and WET files (text) are read, WARC files of pages are not.");
}

void bind_repeat_index(py::module_& m) {
  py::class_<RepeatIndex>(m, "RepeatIndex",
                          "Per site, on how many documents each short line occurs (the "
                          "repetition filter's counts); add to it from any thread.")
      .def(py::init([](uint32_t min_documents) {
             RepeatOptions options;
             if (min_documents < 1) throw py::value_error("min_documents must be >= 1");
             options.min_documents = min_documents;
             return std::make_unique<RepeatIndex>(options);
           }),
           py::arg("min_documents") = RepeatOptions{}.min_documents)
      .def_property_readonly("min_documents",
                             [](const RepeatIndex& self) { return self.options().min_documents; })
      .def_property_readonly("documents_added", &RepeatIndex::documents_added)
      .def(
          "documents",
          [](const RepeatIndex& self, const std::string& site, const std::string& line) {
            return self.documents(site, line);
          },
          py::arg("site"), py::arg("line"),
          "On how many counted documents of `site` the line occurs (0 for prose).")
      .def(
          "merge",
          [](RepeatIndex& self, const RepeatIndex& other) {
            try {
              py::gil_scoped_release release;
              self.merge(other);
            } catch (const std::invalid_argument& error) {
              throw py::value_error(error.what());
            }
          },
          py::arg("other"),
          "Adds the counts of another part of the collection (a cluster's first pass).")
      // Pickled as its serialised bytes: Dask and process pools send
      // indexes between processes.
      .def(py::pickle([](const RepeatIndex& self) { return py::bytes(self.serialize()); },
                      [](const py::bytes& state) {
                        try {
                          return RepeatIndex::deserialize(std::string_view(state));
                        } catch (const std::invalid_argument& error) {
                          throw py::value_error(error.what());
                        }
                      }));
}

}  // namespace

std::string record_key(const PyRecord& r) {
  return records::record_key(r.record, r.number);
}

DocumentInfo record_document_info(const PyRecord& r) {
  return records::document_info(r.record, r.path);
}

void bind_records(py::module_& m) {
  bind_record(m);
  bind_record_file(m);
  bind_repeat_index(m);
}

}  // namespace webclean::python
