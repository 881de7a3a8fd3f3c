// A bad .ipc file fails the build with a one-line error at its place, relative to the project,
// and without a stack trace.
def log = new File(basedir, 'build.log').text
assert log =~ /(?m)^\[ERROR\] src\/main\/ipc\/bad\.ipc:5:8: error: .*Strng/ : 'no path:line:col error for bad.ipc'
assert log.contains('ipcgen: 1 error(s) in .ipc files')
assert !log.contains('at dev.ipcgen') : 'stack trace in build.log'
assert !(log =~ /(?m)^\s+at [a-z]/) : 'stack trace in build.log'
assert !log.contains('internal error')
assert !new File(basedir, 'target/generated-sources/ipc/dev/ipcgen/it/bad').exists()
return true
