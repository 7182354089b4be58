# `cmake --install` lays out a Debian-style system (binaries in bin/, the units, the
# reindex routine, the sample settings and the documentation), and CPack turns that
# layout into a .deb: `cpack -G DEB --config build/CPackConfig.cmake`. Installing
# the package creates the service user and /var/lib/archive-search (deploy/debian/).
include(GNUInstallDirs)

set(ARCHIVE_DEPLOY_DIR ${PROJECT_SOURCE_DIR}/server/deploy)

install(TARGETS archive-corpus archive-index archive-search archive-server archive-eval
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(PROGRAMS ${ARCHIVE_DEPLOY_DIR}/archive-reindex
        DESTINATION ${CMAKE_INSTALL_DATADIR}/archive-search)
# Units and settings go where Debian expects them whatever the prefix (absolute paths).
install(DIRECTORY ${ARCHIVE_DEPLOY_DIR}/systemd/ DESTINATION /lib/systemd/system)
if(EXISTS ${ARCHIVE_DEPLOY_DIR}/nginx)
  install(DIRECTORY ${ARCHIVE_DEPLOY_DIR}/nginx/
          DESTINATION ${CMAKE_INSTALL_DATADIR}/archive-search/nginx)
endif()
install(FILES ${ARCHIVE_DEPLOY_DIR}/server.conf DESTINATION /etc/archive-search)
install(FILES ${ARCHIVE_DEPLOY_DIR}/default DESTINATION /etc/default RENAME archive-search)
file(GLOB archive_docs ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${archive_docs}
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/archive-search)

set(CPACK_PACKAGE_NAME archive-search)
set(CPACK_PACKAGE_VENDOR "archive search developers")
set(CPACK_PACKAGE_CONTACT "archive search developers <archive-search@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Full-text search for a newspaper's article archive (Xapian, RocksDB, ICU)")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
# dpkg-shlibdeps reads the binaries' libraries (Xapian, RocksDB, ICU, poppler, ...) and
# names their Debian packages; adduser is for postinst.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
# xapian-tools: xapian-replicate(-server), run by archive-index publish and follow.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xapian-tools")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "nginx")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${ARCHIVE_DEPLOY_DIR}/debian/postinst ${ARCHIVE_DEPLOY_DIR}/debian/postrm
    ${ARCHIVE_DEPLOY_DIR}/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
