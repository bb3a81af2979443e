# What `cmake --install` puts in place: the command line, the library and
# its public headers, the shipped rules, a CMake package
# (find_package(webclean) -> webclean::webclean) and a pkg-config file.
include(CMakePackageConfigHelpers)

set(WEBCLEAN_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/webclean)
install(TARGETS webclean_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(WEBCLEAN_MAN_PAGE)
  install(FILES ${WEBCLEAN_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
install(FILES contrib/bash-completion/webclean
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(TARGETS webclean EXPORT webclean-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/webclean DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# The rules are compiled into the library; the installed copy is what a
# user reads, copies and edits (--rules DIR).
install(DIRECTORY rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/webclean/rules)
install(EXPORT webclean-targets NAMESPACE webclean:: DESTINATION ${WEBCLEAN_CMAKE_DIR})

# A static library brings its dependencies to the program that links it:
# the package finds them, and pkg-config lists them as required.
if(BUILD_SHARED_LIBS)
  set(WEBCLEAN_STATIC OFF)
  set(WEBCLEAN_PC_REQUIRES "Requires.private")
  set(WEBCLEAN_PC_LIBS "")
else()
  set(WEBCLEAN_STATIC ON)
  set(WEBCLEAN_PC_REQUIRES "Requires")
  set(WEBCLEAN_PC_LIBS "-lstdc++ -lpthread -ldl")
endif()
configure_package_config_file(cmake/webclean-config.cmake.in
  ${PROJECT_BINARY_DIR}/webclean-config.cmake INSTALL_DESTINATION ${WEBCLEAN_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/webclean-config-version.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/webclean-config.cmake
        ${PROJECT_BINARY_DIR}/webclean-config-version.cmake DESTINATION ${WEBCLEAN_CMAKE_DIR})
file(RELATIVE_PATH WEBCLEAN_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" WEBCLEAN_PC_TO_PREFIX "${WEBCLEAN_PC_TO_PREFIX}")
configure_file(cmake/webclean.pc.in ${PROJECT_BINARY_DIR}/webclean.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/webclean.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
