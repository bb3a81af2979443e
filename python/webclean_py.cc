// The Python binding of webclean::Cleaner (module webclean._webclean; the
// package webclean/ re-exports it). A Cleaner is immutable once built, so
// one Python object serves any number of threads: clean() drops the GIL
// for the C++ work, and pickles as its constructor arguments, so process
// pools rebuild it in each worker.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "records.h"
#include "webclean/cleaner.h"
#include "webclean/repeat_index.h"
#include "webclean/result.h"

namespace py = pybind11;

namespace {

// What a Python Cleaner was made from: kept to pickle it and to show it.
struct Arguments {
  std::vector<std::string> rules;
  bool markdown = false;
  bool markdown_links = false;
  std::optional<std::string> page_type;
  bool blocks = false;
  double max_seconds = 0;

  bool operator==(const Arguments&) const = default;
};

webclean::PageType parse_page_type(const std::optional<std::string>& name) {
  if (!name) return webclean::PageType::kAuto;
  if (std::optional<webclean::PageType> type = webclean::page_type_from_name(*name)) return *type;
  throw py::value_error("unknown page_type '" + *name +
                        "': one of auto, article, forum, product, collection, listing, "
                        "documentation, service");
}

webclean::InputKind parse_kind(const std::optional<std::string>& kind) {
  if (!kind || *kind == "auto") return webclean::InputKind::kAuto;
  if (*kind == "html") return webclean::InputKind::kHtml;
  if (*kind == "text") return webclean::InputKind::kText;
  throw py::value_error("unknown kind '" + *kind + "': \"html\", \"text\" or None");
}

// rules=None, one path (str or os.PathLike) or an iterable of them.
std::vector<std::string> rule_dirs_of(const py::object& rules) {
  std::vector<std::string> dirs;
  if (rules.is_none()) return dirs;
  const py::object fspath = py::module_::import("os").attr("fspath");
  if (py::isinstance<py::str>(rules) || py::isinstance<py::bytes>(rules) ||
      py::hasattr(rules, "__fspath__")) {
    dirs.push_back(py::str(fspath(rules)).cast<std::string>());
    return dirs;
  }
  for (py::handle dir : rules) dirs.push_back(py::str(fspath(dir)).cast<std::string>());
  return dirs;
}

class PyCleaner {
 public:
  explicit PyCleaner(Arguments arguments)
      : arguments_(std::move(arguments)), cleaner_(build(arguments_)) {
    absolute_rule_paths();
  }

  // Unpickling: a process pool may send the same Cleaner with every task,
  // and a fresh one reads the rules again and compiles anew the patterns
  // the pages need, so a process keeps the one it rebuilt last and reuses
  // it for the same arguments. Called with the GIL held, which guards the
  // cache.
  static PyCleaner* unpickled(Arguments arguments) {
    static std::optional<std::pair<Arguments, std::shared_ptr<const webclean::Cleaner>>> last;
    if (!last || !(last->first == arguments)) {
      auto cleaner = build(arguments);  // drops the GIL: `last` is set after
      last.emplace(arguments, std::move(cleaner));
    }
    return new PyCleaner(std::move(arguments), last->second);
  }

  webclean::Result clean(const py::object& document, const std::optional<std::string>& url,
                         const std::optional<std::string>& kind,
                         const std::optional<std::string>& content_type) const {
    webclean::DocumentInfo info;
    if (url) info.url = *url;
    if (content_type) info.content_type = *content_type;
    info.kind = parse_kind(kind);

    // str and bytes are immutable and `document` holds a reference for the
    // whole call, so their buffers are read in place without the GIL. Other
    // buffers (bytearray, memoryview) are copied into a bytes object first:
    // another thread could resize them while this one cleans.
    py::object owner = document;
    if (!py::isinstance<py::str>(document) && !py::isinstance<py::bytes>(document)) {
      if (!PyObject_CheckBuffer(document.ptr())) {
        throw py::type_error(std::string("clean() takes str or bytes, not ") +
                             Py_TYPE(document.ptr())->tp_name);
      }
      owner = py::reinterpret_steal<py::object>(PyBytes_FromObject(document.ptr()));
      if (!owner) throw py::error_already_set();
    }
    std::string_view bytes;
    if (py::isinstance<py::str>(owner)) {
      Py_ssize_t size = 0;
      const char* data = PyUnicode_AsUTF8AndSize(owner.ptr(), &size);
      if (data == nullptr) throw py::error_already_set();
      bytes = std::string_view(data, size_t(size));
    } else {
      char* data = nullptr;
      Py_ssize_t size = 0;
      if (PyBytes_AsStringAndSize(owner.ptr(), &data, &size) != 0) throw py::error_already_set();
      bytes = std::string_view(data, size_t(size));
    }

    py::gil_scoped_release release;
    return cleaner_->clean(bytes, info, thread_workspace());
  }

  // A record of open_records(), cleaned as the command line cleans it;
  // with `repeats`, the lines the index counts on enough documents of the
  // record's site are dropped from the page's frame.
  webclean::Result clean_record(const webclean::python::PyRecord& record,
                                const webclean::RepeatIndex* repeats) const {
    if (!record.record.error.empty() || record.record.skipped) {
      throw py::value_error(
          "record " + webclean::python::record_key(record) + " holds no document: " +
          (record.record.skipped ? record.record.skip_reason : record.record.error));
    }
    webclean::DocumentInfo info = webclean::python::record_document_info(record);
    info.repeats = repeats;
    py::gil_scoped_release release;
    return cleaner_->clean(record.record.bytes, info, thread_workspace());
  }

  // The repetition filter's first pass over one record: counts its lines
  // in `repeats`. Pages are not counted (the filter judges text only).
  bool index_record(const webclean::python::PyRecord& record,
                    webclean::RepeatIndex& repeats) const {
    if (!record.record.error.empty() || record.record.skipped) return false;
    const webclean::DocumentInfo info = webclean::python::record_document_info(record);
    py::gil_scoped_release release;
    return cleaner_->index(record.record.bytes, info, repeats, thread_workspace());
  }

  const Arguments& arguments() const { return arguments_; }

 private:
  // One Workspace per thread (the parser's arena and buffers, reused from
  // page to page): what the command line's workers do. No Python code
  // runs inside clean(), so a thread never re-enters its own Workspace.
  static webclean::Workspace& thread_workspace() {
    thread_local webclean::Workspace workspace;
    return workspace;
  }

  // Compiling the rules takes tenths of a second: other threads run
  // meanwhile. (The arguments are checked first, with the GIL: they raise.)
  static std::shared_ptr<const webclean::Cleaner> build(const Arguments& arguments) {
    const webclean::Options options = options_of(arguments);
    py::gil_scoped_release release;
    return std::make_shared<const webclean::Cleaner>(options);
  }

  static webclean::Options options_of(const Arguments& arguments) {
    webclean::Options options;
    options.rule_dirs = arguments.rules;
    options.markdown = arguments.markdown;
    options.markdown_links = arguments.markdown_links;
    options.page_type = parse_page_type(arguments.page_type);
    options.keep_block_reports = arguments.blocks;
    if (arguments.max_seconds < 0) throw py::value_error("max_seconds must be >= 0");
    options.max_seconds = arguments.max_seconds;
    return options;
  }

  PyCleaner(Arguments arguments, std::shared_ptr<const webclean::Cleaner> cleaner)
      : arguments_(std::move(arguments)), cleaner_(std::move(cleaner)) {}

  // A pickled Cleaner is rebuilt in a worker process that may have another
  // working directory: its state holds absolute rule paths. The error
  // messages of the constructor name the paths as given.
  void absolute_rule_paths() {
    for (std::string& dir : arguments_.rules) dir = std::filesystem::absolute(dir).string();
  }

  Arguments arguments_;
  // Shared with the unpickling cache; immutable, so used without locks.
  std::shared_ptr<const webclean::Cleaner> cleaner_;
};

py::dict metadata_dict(const webclean::Metadata& m) {
  py::dict d;
  d["title"] = m.title;
  d["headline"] = m.headline;
  d["byline"] = m.byline;
  d["author"] = m.author;
  d["date"] = m.date;
  d["site_name"] = m.site_name;
  d["language"] = m.language;
  d["description"] = m.description;
  d["canonical_url"] = m.canonical_url;
  d["image"] = m.image;
  d["page_type"] = webclean::page_type_name(m.page_type);
  d["page_type_signals"] = m.page_type_signals;
  return d;
}

py::dict block_dict(const webclean::BlockReport& b) {
  py::dict d;
  d["text"] = b.text;
  d["kind"] = b.kind;
  d["heading_level"] = b.heading_level;
  d["kept"] = b.kept;
  d["stage"] = b.stage;
  d["reason"] = b.reason;
  d["path"] = b.path;
  return d;
}

py::dict result_dict(const webclean::Result& r) {
  py::dict d;
  d["ok"] = r.ok();
  d["error"] = r.error;
  d["text"] = r.text;
  d["markdown"] = r.markdown;
  d["input_kind"] = r.input_kind;
  d["charset"] = r.charset;
  d["metadata"] = metadata_dict(r.metadata);
  py::list blocks;
  for (const webclean::BlockReport& b : r.blocks) blocks.append(block_dict(b));
  d["blocks"] = blocks;
  return d;
}

// The inverses, for unpickling (a Result returned from a process pool's
// worker). Missing keys keep their defaults.
template <typename T>
void read(const py::dict& d, const char* key, T& field) {
  if (d.contains(key)) field = d[key].cast<T>();
}

webclean::Metadata metadata_from(const py::dict& d) {
  webclean::Metadata m;
  read(d, "title", m.title);
  read(d, "headline", m.headline);
  read(d, "byline", m.byline);
  read(d, "author", m.author);
  read(d, "date", m.date);
  read(d, "site_name", m.site_name);
  read(d, "language", m.language);
  read(d, "description", m.description);
  read(d, "canonical_url", m.canonical_url);
  read(d, "image", m.image);
  if (d.contains("page_type")) {
    const std::string name = d["page_type"].cast<std::string>();
    m.page_type = webclean::page_type_from_name(name).value_or(webclean::PageType::kArticle);
  }
  read(d, "page_type_signals", m.page_type_signals);
  return m;
}

webclean::BlockReport block_from(const py::dict& d) {
  webclean::BlockReport b;
  read(d, "text", b.text);
  read(d, "kind", b.kind);
  read(d, "heading_level", b.heading_level);
  read(d, "kept", b.kept);
  read(d, "stage", b.stage);
  read(d, "reason", b.reason);
  read(d, "path", b.path);
  return b;
}

webclean::Result result_from(const py::dict& d) {
  webclean::Result r;
  read(d, "error", r.error);
  read(d, "text", r.text);
  read(d, "markdown", r.markdown);
  read(d, "input_kind", r.input_kind);
  read(d, "charset", r.charset);
  if (d.contains("metadata")) r.metadata = metadata_from(d["metadata"].cast<py::dict>());
  if (d.contains("blocks")) {
    for (py::handle b : d["blocks"]) r.blocks.push_back(block_from(b.cast<py::dict>()));
  }
  return r;
}

std::string repr_string(const std::string& s) {
  return py::repr(py::str(s)).cast<std::string>();
}

std::string shorten(const std::string& text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // UTF-8
  return text.substr(0, end) + "...";
}

}  // namespace

PYBIND11_MODULE(_webclean, m) {
  m.doc() = "webclean: the clean article text of web pages and text dumps";
  m.attr("__version__") = WEBCLEAN_VERSION;

  py::register_exception<webclean::RuleError>(m, "RuleError", PyExc_ValueError);
  webclean::python::bind_records(m);

  py::class_<webclean::Metadata>(m, "Metadata", "What the page declares and shows about itself.")
      .def_readonly("title", &webclean::Metadata::title)
      .def_readonly("headline", &webclean::Metadata::headline)
      .def_readonly("byline", &webclean::Metadata::byline)
      .def_readonly("author", &webclean::Metadata::author)
      .def_readonly("date", &webclean::Metadata::date)
      .def_readonly("site_name", &webclean::Metadata::site_name)
      .def_readonly("language", &webclean::Metadata::language)
      .def_readonly("description", &webclean::Metadata::description)
      .def_readonly("canonical_url", &webclean::Metadata::canonical_url)
      .def_readonly("image", &webclean::Metadata::image)
      .def_property_readonly("page_type",
                             [](const webclean::Metadata& self) {
                               return std::string(webclean::page_type_name(self.page_type));
                             })
      .def_readonly("page_type_signals", &webclean::Metadata::page_type_signals)
      .def("to_dict", &metadata_dict)
      .def("__repr__",
           [](const webclean::Metadata& self) {
             return "<webclean.Metadata title=" + repr_string(self.title) +
                    " page_type=" + webclean::page_type_name(self.page_type) + ">";
           })
      .def(py::pickle([](const webclean::Metadata& self) { return metadata_dict(self); },
                      [](const py::dict& d) { return metadata_from(d); }));

  py::class_<webclean::BlockReport>(m, "BlockReport",
                                    "One block of the page and what the filters decided.")
      .def_readonly("text", &webclean::BlockReport::text)
      .def_readonly("kind", &webclean::BlockReport::kind)
      .def_readonly("heading_level", &webclean::BlockReport::heading_level)
      .def_readonly("kept", &webclean::BlockReport::kept)
      .def_readonly("stage", &webclean::BlockReport::stage)
      .def_readonly("reason", &webclean::BlockReport::reason)
      .def_readonly("path", &webclean::BlockReport::path)
      .def("to_dict", &block_dict)
      .def("__repr__",
           [](const webclean::BlockReport& self) {
             return std::string("<webclean.BlockReport ") + (self.kept ? "KEEP " : "DROP ") +
                    self.kind + " " + self.stage + ": " + repr_string(shorten(self.text, 40)) + ">";
           })
      .def(py::pickle([](const webclean::BlockReport& self) { return block_dict(self); },
                      [](const py::dict& d) { return block_from(d); }));

  py::class_<webclean::Result>(m, "Result", "What cleaning one document produced.")
      .def_readonly("text", &webclean::Result::text)
      .def_readonly("markdown", &webclean::Result::markdown)
      .def_readonly("metadata", &webclean::Result::metadata)
      .def_readonly("input_kind", &webclean::Result::input_kind)
      .def_readonly("charset", &webclean::Result::charset)
      .def_readonly("error", &webclean::Result::error)
      .def_readonly("blocks", &webclean::Result::blocks)
      .def_property_readonly("ok", &webclean::Result::ok)
      .def("to_dict", &result_dict, "A plain dict of the result, JSON-serialisable.")
      .def("__repr__",
           [](const webclean::Result& self) {
             if (!self.ok()) return "<webclean.Result error=" + repr_string(self.error) + ">";
             return "<webclean.Result " + self.input_kind + " " + std::to_string(self.text.size()) +
                    " bytes of text: " + repr_string(shorten(self.text, 50)) + ">";
           })
      .def(py::pickle([](const webclean::Result& self) { return result_dict(self); },
                      [](const py::dict& d) { return result_from(d); }));

  py::class_<PyCleaner>(m, "Cleaner",
                        "Loads the rules once; clean() may be called from any number of threads.")
      .def(py::init([](const py::object& rules, bool markdown, bool markdown_links,
                       std::optional<std::string> page_type, bool blocks, double max_seconds) {
             return PyCleaner::unpickled(Arguments{rule_dirs_of(rules), markdown, markdown_links,
                                                   std::move(page_type), blocks, max_seconds});
           }),
           py::arg("rules") = py::none(), py::arg("markdown") = false,
           py::arg("markdown_links") = false, py::arg("page_type") = py::none(),
           py::arg("blocks") = false, py::arg("max_seconds") = 0.0)
      .def("clean", &PyCleaner::clean, py::arg("document"), py::arg("url") = py::none(),
           py::arg("kind") = py::none(), py::arg("content_type") = py::none(),
           "Cleans one document: str (cleaned as UTF-8) or bytes in any encoding.")
      .def("clean_record", &PyCleaner::clean_record, py::arg("record"),
           py::arg("repeats") = nullptr,
           "Cleans a Record of open_records() as the command line does; with repeats, a "
           "RepeatIndex filled by index_record(), a site's repeated frame lines go.")
      .def("index_record", &PyCleaner::index_record, py::arg("record"), py::arg("repeats"),
           "Counts a text record's lines in a RepeatIndex (pages are not counted).")
      .def_property_readonly("rules", [](const PyCleaner& self) { return self.arguments().rules; })
      .def_property_readonly("markdown",
                             [](const PyCleaner& self) { return self.arguments().markdown; })
      .def_property_readonly("markdown_links",
                             [](const PyCleaner& self) { return self.arguments().markdown_links; })
      .def_property_readonly("page_type",
                             [](const PyCleaner& self) { return self.arguments().page_type; })
      .def_property_readonly("blocks",
                             [](const PyCleaner& self) { return self.arguments().blocks; })
      .def_property_readonly("max_seconds",
                             [](const PyCleaner& self) { return self.arguments().max_seconds; })
      .def("__repr__",
           [](const PyCleaner& self) {
             const Arguments& a = self.arguments();
             std::string rules = "[";
             for (size_t i = 0; i < a.rules.size(); ++i) {
               rules += (i ? ", " : "") + repr_string(a.rules[i]);
             }
             rules += "]";
             return "webclean.Cleaner(rules=" + rules +
                    ", markdown=" + (a.markdown ? "True" : "False") +
                    ", markdown_links=" + (a.markdown_links ? "True" : "False") +
                    ", page_type=" + (a.page_type ? repr_string(*a.page_type) : "None") +
                    ", blocks=" + (a.blocks ? "True" : "False") +
                    ", max_seconds=" + py::repr(py::float_(a.max_seconds)).cast<std::string>() +
                    ")";
           })
      // Pickled as the constructor's arguments: a process pool's worker
      // loads the rules itself (a few milliseconds) instead of receiving
      // compiled regular expressions.
      .def(py::pickle(
          [](const PyCleaner& self) {
            const Arguments& a = self.arguments();
            return py::make_tuple(a.rules, a.markdown, a.markdown_links, a.page_type, a.blocks,
                                  a.max_seconds);
          },
          [](const py::tuple& t) {
            if (t.size() != 6) throw std::runtime_error("bad webclean.Cleaner state");
            return PyCleaner::unpickled(Arguments{
                t[0].cast<std::vector<std::string>>(), t[1].cast<bool>(), t[2].cast<bool>(),
                t[3].cast<std::optional<std::string>>(), t[4].cast<bool>(), t[5].cast<double>()});
          }));
}
