#include "sink/assemble.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "block/markdown.h"

namespace webclean::sink {
namespace {

using block::Block;
using block::Document;
using block::Kind;
namespace md = block::markdown;

// What an element means for the Markdown layout.
enum class Role : uint8_t { kOther, kQuote, kItem, kList, kOrderedList, kTable, kRow, kCell };

Role role_of(std::string_view tag) {
  if (tag == "blockquote") return Role::kQuote;
  if (tag == "li" || tag == "dt" || tag == "dd") return Role::kItem;
  if (tag == "ul" || tag == "dl" || tag == "menu" || tag == "dir") return Role::kList;
  if (tag == "ol") return Role::kOrderedList;
  if (tag == "table") return Role::kTable;
  if (tag == "tr") return Role::kRow;
  if (tag == "td" || tag == "th") return Role::kCell;
  return Role::kOther;
}

// The elements' roles and the quotes, list items and tables around each,
// found in one pass over the nodes (parents come before children).
class Structure {
 public:
  explicit Structure(const Document& doc) {
    const size_t n = doc.nodes.size();
    role_.resize(n);
    container_.assign(n, -1);
    table_.assign(n, -1);
    ordinal_.assign(n, 0);
    std::vector<uint32_t> items_below(n, 0);
    for (size_t i = 0; i < n; ++i) {
      const int32_t parent = doc.nodes[i].parent;
      const Role role = role_of(doc.nodes[i].tag);
      role_[i] = role;
      const bool container = role == Role::kQuote || role == Role::kItem;
      container_[i] = container ? int32_t(i) : parent >= 0 ? container_[size_t(parent)] : -1;
      table_[i] = role == Role::kTable ? int32_t(i) : parent >= 0 ? table_[size_t(parent)] : -1;
      if (role == Role::kItem && parent >= 0) ordinal_[i] = ++items_below[size_t(parent)];
      if (role == Role::kRow && table_[i] >= 0) rows_[table_[i]].push_back(int32_t(i));
      if (role == Role::kCell && parent >= 0 && role_[size_t(parent)] == Role::kRow) {
        cells_[parent].push_back(int32_t(i));
      }
      if (role == Role::kTable && parent >= 0 && table_[size_t(parent)] >= 0) {
        layout_tables_.insert(table_[size_t(parent)]);  // a table holding a table
      }
    }
    // A table whose cells hold paragraphs, lists or headings lays out a
    // page, not data: its blocks stay blocks.
    for (const Block& b : doc.blocks) {
      const int32_t t = table_of(b.node);
      if (t >= 0 && b.kind != Kind::kTableCell && b.kind != Kind::kCaption) {
        layout_tables_.insert(t);
      }
    }
  }

  Role role(int32_t node) const { return role_[size_t(node)]; }
  int32_t table_of(int32_t node) const { return node >= 0 ? table_[size_t(node)] : -1; }
  uint32_t ordinal(int32_t item) const { return ordinal_[size_t(item)]; }

  // The quotes and list items around `node` (itself included), outermost first.
  std::vector<int32_t> containers(const Document& doc, int32_t node) const {
    std::vector<int32_t> chain;
    for (int32_t c = node >= 0 ? container_[size_t(node)] : -1; c >= 0;) {
      chain.push_back(c);
      const int32_t parent = doc.nodes[size_t(c)].parent;
      c = parent >= 0 ? container_[size_t(parent)] : -1;
    }
    std::reverse(chain.begin(), chain.end());
    return chain;
  }

  // Tables of data (two or more columns, cells of text only) become pipe tables.
  bool is_data_table(int32_t table) const {
    if (layout_tables_.count(table) != 0) return false;
    const auto rows = rows_.find(table);
    if (rows == rows_.end()) return false;
    size_t columns = 0;
    for (int32_t row : rows->second) columns = std::max(columns, cells(row).size());
    return columns >= 2;
  }

  const std::vector<int32_t>& rows(int32_t table) const { return find_or_none(rows_, table); }
  const std::vector<int32_t>& cells(int32_t row) const { return find_or_none(cells_, row); }

 private:
  static const std::vector<int32_t>& find_or_none(
      const std::map<int32_t, std::vector<int32_t>>& map, int32_t key) {
    static const std::vector<int32_t> kNone;
    const auto found = map.find(key);
    return found == map.end() ? kNone : found->second;
  }

  std::vector<Role> role_;
  std::vector<int32_t> container_;  // innermost blockquote or list item, itself included
  std::vector<int32_t> table_;      // innermost table, itself included
  std::vector<uint32_t> ordinal_;   // list items: 1-based position in their list
  std::map<int32_t, std::vector<int32_t>> rows_;   // table -> its rows, in order
  std::map<int32_t, std::vector<int32_t>> cells_;  // row -> its cells, in order
  std::set<int32_t> layout_tables_;
};

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (true) {
    const size_t newline = text.find('\n');
    lines.push_back(text.substr(0, newline));
    if (newline == std::string_view::npos) return lines;
    text.remove_prefix(newline + 1);
  }
}

std::string_view trim_right(std::string_view text) {
  const size_t end = text.find_last_not_of(' ');
  return end == std::string_view::npos ? std::string_view() : text.substr(0, end + 1);
}

// A block's inline Markdown: the parser's markup, or for text documents
// (which have none) the escaped text.
std::string inline_content(const Block& b) {
  return b.markup.empty() ? md::escaped(b.text) : b.markup;
}

// A cell of a pipe table is one line, and | would end it.
std::string cell_text(std::string_view markup) {
  std::string out;
  for (char c : markup) {
    if (c == '\n') {
      out += ' ';
    } else if (c == '|') {
      out += "\\|";
    } else {
      out += c;
    }
  }
  return out;
}

// "language-python" or "lang-js" among a code block's classes.
std::string code_language(const std::string& classes) {
  size_t i = 0;
  while (i < classes.size()) {
    const size_t start = classes.find_first_not_of(" \t\n\r\f", i);
    if (start == std::string::npos) break;
    const size_t end = std::min(classes.find_first_of(" \t\n\r\f", start), classes.size());
    const std::string_view token = std::string_view(classes).substr(start, end - start);
    for (std::string_view prefix : {"language-", "lang-"}) {
      if (token.size() > prefix.size() && token.substr(0, prefix.size()) == prefix) {
        const std::string_view name = token.substr(prefix.size());
        const bool plain = std::all_of(name.begin(), name.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '#';
        });
        if (plain) return std::string(name);
      }
    }
    i = end;
  }
  return {};
}

class Renderer {
 public:
  explicit Renderer(const Document& doc)
      : doc_(doc), structure_(doc), marker_written_(doc.nodes.size(), false) {}

  std::string run() {
    const std::vector<Block>& blocks = doc_.blocks;
    for (size_t i = 0; i < blocks.size();) {
      const int32_t table = structure_.table_of(blocks[i].node);
      if (table >= 0 && structure_.is_data_table(table)) {
        i = render_table(i, table);
        continue;
      }
      if (blocks[i].decision.keep) render_block(blocks[i]);
      ++i;
    }
    return std::move(out_);
  }

 private:
  void render_block(const Block& b) {
    const std::vector<int32_t> chain = structure_.containers(doc_, b.node);
    // A line of a text dump continues the paragraph before it, as in the text output.
    begin_block(chain, b.same_paragraph);
    if (b.kind == Kind::kHeading) {
      write_line(chain, md::heading(inline_content(b), b.heading_level));
    } else if (b.kind == Kind::kPre) {
      const std::string fence = md::code_fence(b.text);
      const std::string language =
          b.node >= 0 ? code_language(doc_.nodes[size_t(b.node)].classes) : std::string();
      write_line(chain, fence + language);
      for (std::string_view line : split_lines(b.text)) write_line(chain, line);
      write_line(chain, fence);
    } else {
      // Line breaks inside a paragraph (<br>) are hard breaks: a backslash
      // at the end of the line.
      const std::string content = inline_content(b);
      const std::vector<std::string_view> lines = split_lines(content);
      for (size_t i = 0; i < lines.size(); ++i) {
        std::string line = md::line_start_escaped(lines[i]);
        if (i + 1 < lines.size()) line += '\\';
        write_line(chain, line);
      }
    }
  }

  // Renders the data table whose first block is blocks[first]; returns the
  // index of the first block after it.
  size_t render_table(size_t first, int32_t table) {
    const std::vector<Block>& blocks = doc_.blocks;
    std::map<int32_t, std::string> text_of_cell;
    size_t end = first;
    for (; end < blocks.size() && structure_.table_of(blocks[end].node) == table; ++end) {
      const Block& b = blocks[end];
      if (!b.decision.keep) continue;
      if (b.kind == Kind::kCaption) {
        render_block(b);
        continue;
      }
      std::string& cell = text_of_cell[b.node];
      if (!cell.empty()) cell += ' ';
      cell += cell_text(inline_content(b));
    }
    std::vector<std::vector<std::string>> rows;
    size_t columns = 0;
    for (int32_t row : structure_.rows(table)) {
      std::vector<std::string> cells;
      bool kept = false;
      for (int32_t cell : structure_.cells(row)) {
        const auto found = text_of_cell.find(cell);
        kept = kept || found != text_of_cell.end();
        cells.push_back(found == text_of_cell.end() ? std::string() : found->second);
      }
      if (!kept) continue;  // a row whose every cell was dropped
      columns = std::max(columns, cells.size());
      rows.push_back(std::move(cells));
    }
    if (rows.empty()) return end;
    // GFM needs a header row: the table's first row (its th cells, usually).
    const std::vector<int32_t> chain = structure_.containers(doc_, table);
    begin_block(chain, false);
    for (size_t r = 0; r < rows.size(); ++r) {
      rows[r].resize(columns);
      write_line(chain, table_row(rows[r]));
      if (r == 0) write_line(chain, table_row(std::vector<std::string>(columns, "---")));
    }
    return end;
  }

  static std::string table_row(const std::vector<std::string>& cells) {
    std::string line = "|";
    for (const std::string& cell : cells) line += " " + cell + " |";
    return line;
  }

  std::string marker(int32_t item) const {
    const int32_t list = doc_.nodes[size_t(item)].parent;
    if (list >= 0 && structure_.role(list) == Role::kOrderedList) {
      return std::to_string(structure_.ordinal(item)) + ". ";
    }
    return "- ";
  }

  // The outermost list item of `chain` whose marker is not out yet, or -1.
  int32_t new_item(const std::vector<int32_t>& chain) const {
    for (int32_t c : chain) {
      if (structure_.role(c) == Role::kItem && !marker_written_[size_t(c)]) return c;
    }
    return -1;
  }

  // The innermost list item of `chain`, or -1.
  int32_t innermost_item(const std::vector<int32_t>& chain) const {
    for (size_t i = chain.size(); i-- > 0;) {
      if (structure_.role(chain[i]) == Role::kItem) return chain[i];
    }
    return -1;
  }

  // Items of one list follow each other without a blank line, and so do a
  // list and the list nested in one of its items; a list after another
  // list gets one.
  bool continues_list(int32_t item) const {
    const int32_t last = innermost_item(last_chain_);
    if (!last_started_item_ || item < 0 || last < 0) return false;
    const int32_t list = doc_.nodes[size_t(item)].parent;
    return block::is_within(doc_, item, last) || (list >= 0 && block::is_within(doc_, last, list));
  }

  // What goes before a line's content inside `chain`: "> " for a quote, a
  // list item's marker on its first line and as many spaces after that.
  std::string prefix(const std::vector<int32_t>& chain, size_t count) {
    std::string out;
    for (size_t i = 0; i < count; ++i) {
      const int32_t c = chain[i];
      if (structure_.role(c) == Role::kQuote) {
        out += "> ";
        continue;
      }
      const std::string mark = marker(c);
      if (marker_written_[size_t(c)]) {
        out.append(mark.size(), ' ');
      } else {
        out += mark;
        marker_written_[size_t(c)] = true;
      }
    }
    return out;
  }

  // The separator before a block: a blank line (inside the quotes and items
  // this block shares with the one before), a line break between list
  // items or the lines of one text paragraph.
  void begin_block(const std::vector<int32_t>& chain, bool same_paragraph) {
    const int32_t item = new_item(chain);
    if (!out_.empty()) {
      if (same_paragraph || continues_list(item)) {
        out_ += '\n';
      } else {
        size_t common = 0;
        while (common < chain.size() && common < last_chain_.size() &&
               chain[common] == last_chain_[common]) {
          ++common;
        }
        out_ += '\n';
        out_ += trim_right(prefix(chain, common));
        out_ += '\n';
      }
    }
    last_chain_ = chain;
    last_started_item_ = item >= 0;
    first_line_ = true;
  }

  void write_line(const std::vector<int32_t>& chain, std::string_view content) {
    if (!first_line_) out_ += '\n';
    first_line_ = false;
    const std::string lead = prefix(chain, chain.size());
    out_ += content.empty() ? trim_right(lead) : std::string_view(lead);
    out_.append(content);
  }

  const Document& doc_;
  Structure structure_;
  std::vector<bool> marker_written_;  // list items whose marker is out
  std::string out_;
  std::vector<int32_t> last_chain_;  // containers of the block before
  bool last_started_item_ = false;   // the block before began a list item
  bool first_line_ = true;
};

}  // namespace

std::string assemble_markdown(const block::Document& doc) {
  return Renderer(doc).run();
}

}  // namespace webclean::sink
