// The language of a document for its metadata: what the page or the HTTP
// response declares, else what its script says when only one language is
// written in it (Japanese, Korean, Thai...), else the stop-word detection.
#ifndef WEBCLEAN_META_LANGUAGE_H_
#define WEBCLEAN_META_LANGUAGE_H_

#include <string>
#include <string_view>

#include "block/block.h"

namespace webclean::meta {

// The language a document declares: the primary subtag of <html lang>,
// else of the first language of the HTTP Content-Language header ("de"
// for "de-DE, en"); empty when neither names one.
std::string declared_language(std::string_view html_lang, std::string_view content_language);

// The language most of the document's letters are written for, when
// their script is one language's own: "ja" for kana, "zh" for Han alone,
// "ko", "th", "el", "he", "hy", "ka"...; empty for Latin, Cyrillic,
// Arabic, Devanagari and other shared scripts.
std::string script_language(const block::Document& doc);

// Declared, else the script's, else `detected` (the stop-word list chosen).
std::string document_language(const block::Document& doc, std::string_view content_language);

}  // namespace webclean::meta

#endif  // WEBCLEAN_META_LANGUAGE_H_
