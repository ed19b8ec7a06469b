@echo off
rem Loket launcher: no arguments opens the counter window; a command runs headless (loket --help).
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA_CMD=%JAVA_HOME%\bin\java.exe") else (set "JAVA_CMD=java")
"%JAVA_CMD%" %LOKET_JAVA_OPTS% -cp "%APP_HOME%\lib\*" id.loket.app.Launcher %*
exit /b %ERRORLEVEL%
