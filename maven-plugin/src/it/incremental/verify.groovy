// First build generates, second one skips, and the generated class is compiled in both.
def log = new File(basedir, 'build.log').text
assert log =~ /ipcgen: generated \d+ Java file\(s\) from 1 \.ipc file\(s\)/ : 'first build did not generate'
assert log.contains('ipcgen: 1 files unchanged, skipping generation') : 'second build did not skip'
assert (log =~ /BUILD SUCCESS/).count == 2 : 'expected two successful builds'
assert new File(basedir, 'target/ipcgen/state.txt').isFile()
assert new File(basedir, 'target/classes/dev/ipcgen/it/incremental/Shapes.class').isFile()
return true
