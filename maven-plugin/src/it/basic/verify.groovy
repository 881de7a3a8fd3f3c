// The goal generated the classes, the project compiled against them, and nothing went wrong.
def generated = new File(basedir, 'target/generated-sources/ipc/dev/ipcgen/it/basic')
['Point.java', 'Color.java', 'DemoProtocol.java'].each { name ->
    assert new File(generated, name).isFile() : "missing generated ${name}; found ${generated.list()}"
}
assert new File(basedir, 'target/classes/dev/ipcgen/it/basic/Painter.class').isFile()
assert new File(basedir, 'target/classes/dev/ipcgen/it/basic/DemoProtocol.class').isFile()

def log = new File(basedir, 'build.log').text
assert log.contains('ipcgen: generated ') : 'no generation message in build.log'
assert !log.contains('[ERROR]') : 'build.log has errors'
assert !log.contains('[WARNING]') : 'build.log has warnings'
assert log.contains('BUILD SUCCESS')
return true
