// javaPackage gave the file without a package its package, and the import was found in the
// import root; the output compiled.
def generated = new File(basedir, 'target/generated-sources/ipc')
assert new File(generated, 'dev/ipcgen/it/options/Dimmer.java').isFile() : 'Dimmer.java not in the javaPackage'
assert new File(basedir, 'target/classes/dev/ipcgen/it/options/Dimmer.class').isFile()
def log = new File(basedir, 'build.log').text
assert !log.contains('[ERROR]') : 'build.log has errors'
assert log.contains('BUILD SUCCESS')
return true
