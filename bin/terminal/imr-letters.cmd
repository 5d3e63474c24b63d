@echo off
rem The imr-letters command-line tool as the VS Code extension ships it (see imr-letters, beside it).
setlocal
set ELECTRON_RUN_AS_NODE=1
if defined IMR_LETTERS_NODE (
  "%IMR_LETTERS_NODE%" "%~dp0..\..\dist\cli.js" %*
) else (
  node "%~dp0..\..\dist\cli.js" %*
)
