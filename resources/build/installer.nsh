; Folio's NSIS additions (electron-builder.yml nsis.include). Registers Folio as an ADDITIONAL
; program for digest files: the "Open with" list of each extension (OpenWithProgids), never the
; default program (the extension's own default value is never written), and takes it all away
; again on uninstall. SHCTX is the current user's or the machine's classes, as the install mode is.
; The extensions are electron-builder.yml's (a test checks both lists are the same).

!define FOLIO_PROGID "Folio.PaperDigest"

!macro folioOpenWith EXT
  WriteRegStr SHCTX "Software\Classes\.${EXT}\OpenWithProgids" "${FOLIO_PROGID}" ""
!macroend

!macro folioNoLongerOpenWith EXT
  DeleteRegValue SHCTX "Software\Classes\.${EXT}\OpenWithProgids" "${FOLIO_PROGID}"
!macroend

!macro customInstall
  WriteRegStr SHCTX "Software\Classes\${FOLIO_PROGID}" "" "Paper digest"
  WriteRegStr SHCTX "Software\Classes\${FOLIO_PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHCTX "Software\Classes\${FOLIO_PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  !insertmacro folioOpenWith txt
  !insertmacro folioOpenWith json
  !insertmacro folioOpenWith xml
  !insertmacro folioOpenWith atom
  !insertmacro folioOpenWith rss
  !insertmacro folioOpenWith bib
  !insertmacro folioOpenWith ris
  !insertmacro folioOpenWith eml
  ; SHCNE_ASSOCCHANGED: Explorer rereads the associations now.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  !insertmacro folioNoLongerOpenWith txt
  !insertmacro folioNoLongerOpenWith json
  !insertmacro folioNoLongerOpenWith xml
  !insertmacro folioNoLongerOpenWith atom
  !insertmacro folioNoLongerOpenWith rss
  !insertmacro folioNoLongerOpenWith bib
  !insertmacro folioNoLongerOpenWith ris
  !insertmacro folioNoLongerOpenWith eml
  DeleteRegKey SHCTX "Software\Classes\${FOLIO_PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend
