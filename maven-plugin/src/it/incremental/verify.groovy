// First build generates, the second skips, the third (an option changed) generates again; the
// generated classes are compiled each time.
def log = new File(basedir, 'build.log').text
def generated = /ipcgen: generated \d+ Java file\(s\) from 1 \.ipc file\(s\)/
def skipped = 'ipcgen: 1 files unchanged, skipping generation'
def runs = log.split(/Scanning for projects\.\.\./).drop(1)
assert runs.size() == 3 : "expected three builds, found ${runs.size()}"
assert runs[0] =~ generated : 'first build did not generate'
assert runs[1].contains(skipped) : 'second build did not skip'
assert runs[2] =~ generated : 'third build (javaPackage changed) did not generate'
runs.each { assert it.contains('BUILD SUCCESS') }
assert new File(basedir, 'target/ipcgen/state.txt').isFile()
assert new File(basedir, 'target/classes/dev/ipcgen/it/incremental/Shapes.class').isFile()
return true
