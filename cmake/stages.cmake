# The library's stages, one object library each (src/STAGE/*.cc), and the
# arrows between them that docs/DESIGN.md draws: a stage sees its own
# headers and those of the stages it USES, and no others. Each stage's
# headers are reachable only through a folder of its own,
# stage-include/STAGE/STAGE -> src/STAGE, which only the stages linking it
# get; so an include across a missing arrow fails the build ("No such file
# or directory"). Third-party libraries are linked only into the stages
# that call them (Gumbo into html, libcurl's headers into fetch...).
#
# The public API is split the same way: webclean_api_data is the plain
# data of the API (result.h, repeat_index.h, export.h), which stages may
# fill and read; webclean_api adds cleaner.h and webclean.h, the entry
# points that core and capi implement, for them and the command line only.

set(WEBCLEAN_STAGE_INCLUDE ${PROJECT_BINARY_DIR}/stage-include)

# A folder of symbolic links, LINKS given as NAME=TARGET, made afresh.
function(webclean_link_folder folder)
  file(REMOVE_RECURSE ${folder})
  file(MAKE_DIRECTORY ${folder})
  foreach(link IN LISTS ARGN)
    string(REPLACE "=" ";" parts "${link}")
    list(GET parts 0 name)
    list(GET parts 1 target)
    get_filename_component(parent ${folder}/${name} DIRECTORY)
    file(MAKE_DIRECTORY ${parent})
    file(CREATE_LINK ${target} ${folder}/${name} SYMBOLIC)
  endforeach()
endfunction()

set(api ${PROJECT_SOURCE_DIR}/include/webclean)
webclean_link_folder(${WEBCLEAN_STAGE_INCLUDE}/api-data webclean/result.h=${api}/result.h
                     webclean/repeat_index.h=${api}/repeat_index.h webclean/export.h=${api}/export.h)
add_library(webclean_api_data INTERFACE)
target_include_directories(webclean_api_data INTERFACE ${WEBCLEAN_STAGE_INCLUDE}/api-data)
add_library(webclean_api INTERFACE)
target_include_directories(webclean_api INTERFACE ${PROJECT_SOURCE_DIR}/include)

set(WEBCLEAN_STAGE_OBJECTS)
# webclean_stage(NAME [USES stage...] [API api target] [LIBRARIES ...] [SOURCES extra .cc...])
function(webclean_stage name)
  cmake_parse_arguments(ARG "" "API" "USES;LIBRARIES;SOURCES" ${ARGN})
  set(target webclean_stage_${name})
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cc)
  add_library(${target} OBJECT ${sources} ${ARG_SOURCES})
  webclean_link_folder(${WEBCLEAN_STAGE_INCLUDE}/${name} ${name}=${PROJECT_SOURCE_DIR}/src/${name})
  target_include_directories(${target} PUBLIC ${WEBCLEAN_STAGE_INCLUDE}/${name})
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON
                        CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  target_compile_options(${target} PRIVATE ${WEBCLEAN_WARNINGS})
  target_compile_definitions(${target} PRIVATE WEBCLEAN_VERSION="${PROJECT_VERSION}")
  list(TRANSFORM ARG_USES PREPEND webclean_stage_)
  target_link_libraries(${target} PUBLIC ${ARG_USES} ${ARG_API} PRIVATE ${ARG_LIBRARIES})
  set(WEBCLEAN_STAGE_OBJECTS ${WEBCLEAN_STAGE_OBJECTS} $<TARGET_OBJECTS:${target}> PARENT_SCOPE)
endfunction()

# In pipeline order; each stage uses only stages above it.
webclean_stage(base)
webclean_stage(decode USES base LIBRARIES ICU::i18n ICU::uc)
webclean_stage(source USES base decode
               LIBRARIES ICU::uc ZLIB::ZLIB PkgConfig::BROTLIDEC nlohmann_json::nlohmann_json)
# libcurl's headers only: src/fetch/curl_api.cc loads the library itself
# on the first fetch.
webclean_stage(fetch USES base)
target_include_directories(webclean_stage_fetch
                           PRIVATE $<TARGET_PROPERTY:CURL::libcurl,INTERFACE_INCLUDE_DIRECTORIES>)
webclean_stage(block API webclean_api_data LIBRARIES ICU::uc ICU::i18n
               SOURCES ${WEBCLEAN_STOPLIST_CC})
webclean_stage(html USES base block LIBRARIES PkgConfig::GUMBO)
webclean_stage(text USES block LIBRARIES ICU::uc PkgConfig::RE2)
webclean_stage(classify USES base block API webclean_api_data LIBRARIES PkgConfig::RE2)
webclean_stage(rules USES base block LIBRARIES ICU::uc PkgConfig::RE2
               SOURCES ${WEBCLEAN_EMBEDDED_CC} ${WEBCLEAN_RULE_FACTS_CC})
webclean_stage(meta USES base block API webclean_api_data
               LIBRARIES ICU::uc PkgConfig::RE2 nlohmann_json::nlohmann_json)
webclean_stage(filter USES base block rules meta API webclean_api_data LIBRARIES ICU::uc PkgConfig::RE2)
webclean_stage(sink USES base block classify API webclean_api_data
               LIBRARIES nlohmann_json::nlohmann_json)
# A stream's record handed on to the Cleaner, the writer and error reports
# (the command line and the Python module share it).
webclean_stage(records USES base source sink API webclean_api)
webclean_stage(core USES base decode block html text classify rules meta filter sink
               API webclean_api LIBRARIES ICU::uc)
# The C API: over the public C++ API and nothing else.
webclean_stage(capi API webclean_api)
