/** Which Netty channels and event loops serve a {@link dev.ipcgen.runtime.Transport}. */
package dev.ipcgen.runtime.transport;
