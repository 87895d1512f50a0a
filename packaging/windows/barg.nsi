; Barg's Windows installer (NSIS 3, Unicode): per user, no administrator
; rights, Persian and English pages, a Start-menu entry, an uninstaller,
; .opml files and feed:/feeds: links opened with Barg, and the WebView2
; runtime installed from the bootstrapper bundled here when the machine
; has none (nothing is downloaded by the installer itself when the
; bootstrapper is bundled). Built by `make package-windows`:
;
;   makensis -DVERSION=0.1.0 -DDIST=<folder with barg.exe, barg-cli.exe,
;            WebView2Loader.dll [, MicrosoftEdgeWebview2Setup.exe]>
;            -DOUT=<installer.exe> packaging/windows/barg.nsi

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "give -DVERSION=x.y.z"
!endif
!ifndef DIST
  !error "give -DDIST=folder"
!endif
!ifndef OUT
  !define OUT "Barg-${VERSION}-setup.exe"
!endif

!define PRODUCT "Barg"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Barg"
; The WebView2 runtime's client id, under which an installed runtime is registered.
!define WEBVIEW2_KEY "Software\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${PRODUCT}"
OutFile "${OUT}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\Barg"
InstallDirRegKey HKCU "Software\Barg" "InstallDir"
BrandingText "Barg ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "Barg"
VIAddVersionKey /LANG=0 "FileDescription" "Barg installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "The Barg authors"

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "..\..\src-tauri\icons\icon.ico"
!define MUI_UNICON "..\..\src-tauri\icons\icon.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_FINISHPAGE_RUN "$INSTDIR\barg.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Persian first: the language dialog offers it at the top.
!insertmacro MUI_LANGUAGE "Farsi"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString WebView2Needed ${LANG_ENGLISH} "Barg needs Microsoft Edge WebView2, which this computer does not have. Installing it now."
LangString WebView2Needed ${LANG_FARSI} "برگ به Microsoft Edge WebView2 نیاز دارد که روی این رایانه نیست. اکنون نصب می‌شود."
LangString WebView2Missing ${LANG_ENGLISH} "Barg needs Microsoft Edge WebView2, which this computer does not have. Install it from https://go.microsoft.com/fwlink/p/?LinkId=2124703 and start Barg again."
LangString WebView2Missing ${LANG_FARSI} "برگ به Microsoft Edge WebView2 نیاز دارد که روی این رایانه نیست. آن را از https://go.microsoft.com/fwlink/p/?LinkId=2124703 نصب کنید و برگ را دوباره باز کنید."
LangString OpmlName ${LANG_ENGLISH} "OPML subscription list"
LangString OpmlName ${LANG_FARSI} "فهرست اشتراک OPML"

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Barg" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${DIST}\barg.exe"
  File "${DIST}\barg-cli.exe"
  File "${DIST}\WebView2Loader.dll"
  WriteRegStr HKCU "Software\Barg" "InstallDir" "$INSTDIR"

  ; The WebView2 runtime: Windows 11 has it; older systems may not.
  ReadRegStr $0 HKLM "${WEBVIEW2_KEY}" "pv"
  ReadRegStr $1 HKCU "${WEBVIEW2_KEY}" "pv"
  ${If} $0 == ""
  ${AndIf} $1 == ""
  !if /FileExists "${DIST}\MicrosoftEdgeWebview2Setup.exe"
    DetailPrint "$(WebView2Needed)"
    File /oname=$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe "${DIST}\MicrosoftEdgeWebview2Setup.exe"
    ExecWait '"$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe" /silent /install'
  !else
    MessageBox MB_OK|MB_ICONINFORMATION "$(WebView2Missing)" /SD IDOK
  !endif
  ${EndIf}

  CreateShortcut "$SMPROGRAMS\Barg.lnk" "$INSTDIR\barg.exe" "" "$INSTDIR\barg.exe" 0

  ; .opml files and feed:/feeds: links open in Barg (per user).
  WriteRegStr HKCU "Software\Classes\.opml" "" "Barg.OPML"
  WriteRegStr HKCU "Software\Classes\Barg.OPML" "" "$(OpmlName)"
  WriteRegStr HKCU "Software\Classes\Barg.OPML\DefaultIcon" "" "$INSTDIR\barg.exe,0"
  WriteRegStr HKCU "Software\Classes\Barg.OPML\shell\open\command" "" '"$INSTDIR\barg.exe" "%1"'
  !macro UrlScheme SCHEME
    WriteRegStr HKCU "Software\Classes\${SCHEME}" "" "URL:${SCHEME}"
    WriteRegStr HKCU "Software\Classes\${SCHEME}" "URL Protocol" ""
    WriteRegStr HKCU "Software\Classes\${SCHEME}\DefaultIcon" "" "$INSTDIR\barg.exe,0"
    WriteRegStr HKCU "Software\Classes\${SCHEME}\shell\open\command" "" '"$INSTDIR\barg.exe" "%1"'
  !macroend
  !insertmacro UrlScheme "feed"
  !insertmacro UrlScheme "feeds"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Barg (برگ)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "The Barg authors"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\barg.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; The library and settings (in %APPDATA%\app.barg.reader) stay: uninstalling
; never deletes what the user read and kept.
Section "Uninstall"
  Delete "$INSTDIR\barg.exe"
  Delete "$INSTDIR\barg-cli.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Barg.lnk"
  DeleteRegKey HKCU "Software\Classes\Barg.OPML"
  ReadRegStr $0 HKCU "Software\Classes\.opml" ""
  ${If} $0 == "Barg.OPML"
    DeleteRegKey HKCU "Software\Classes\.opml"
  ${EndIf}
  DeleteRegKey HKCU "Software\Classes\feed"
  DeleteRegKey HKCU "Software\Classes\feeds"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\Barg"
SectionEnd
