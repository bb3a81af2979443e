// The language of a document for its metadata: what the page or the HTTP
// response declares, else what the features stage detected (the script
// for Japanese, Chinese and Thai, else the stop-word lists).
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

// Declared, else the detected Document::language.
std::string document_language(const block::Document& doc, std::string_view content_language);

}  // namespace webclean::meta

#endif  // WEBCLEAN_META_LANGUAGE_H_
