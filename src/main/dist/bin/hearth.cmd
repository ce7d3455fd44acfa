@echo off
rem The `hearth` command on Windows: runs Hearth on the JDK in JAVA_HOME, or on the java found on
rem PATH, which must be 21 or newer. JAVA_OPTS and HEARTH_OPTS are passed to the JVM. The exit code
rem is the program's own.
setlocal
set "HEARTH_HOME=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
"%JAVA_EXE%" %JAVA_OPTS% %HEARTH_OPTS% --enable-native-access=ALL-UNNAMED -cp "%HEARTH_HOME%\lib\hearth.jar" org.hearth.cli.Main %*
exit /b %ERRORLEVEL%
