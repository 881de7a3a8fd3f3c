/**
 * Test support shared through the ipc-runtime test-jar: the Netty leak check every test class runs
 * under ({@link dev.ipcgen.runtime.testing.LeakCheckExtension}, auto-detected), short socket
 * directories ({@link dev.ipcgen.runtime.testing.SocketDirs}), and frames built byte by byte
 * ({@link dev.ipcgen.runtime.testing.TestFrames}).
 */
package dev.ipcgen.runtime.testing;
