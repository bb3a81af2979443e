# webclean.1, the man page, made by help2man from `webclean --help` each
# time the command line is linked, so it cannot fall behind the options.
# --version-string: the rest of --version names the libraries of the build
# machine, which are not those of the machine reading the page.
find_program(HELP2MAN_EXECUTABLE help2man)
if(HELP2MAN_EXECUTABLE)
  set(WEBCLEAN_MAN_PAGE ${PROJECT_BINARY_DIR}/webclean.1)
  add_custom_command(TARGET webclean_cli POST_BUILD
    COMMAND ${HELP2MAN_EXECUTABLE} --no-info --section 1
            --name "strip boilerplate from web pages and text dumps of them"
            --version-string "${PROJECT_VERSION}" --output ${WEBCLEAN_MAN_PAGE}
            $<TARGET_FILE:webclean_cli>
    COMMENT "Writing the man page webclean.1 (help2man)"
    VERBATIM)
else()
  message(STATUS "help2man not found (Debian package help2man): no man page is made or installed")
endif()
