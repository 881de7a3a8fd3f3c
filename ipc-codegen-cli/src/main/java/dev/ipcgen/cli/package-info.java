/** The {@code ipcgen} command line ({@link dev.ipcgen.cli.IpcgenCommand}), built with picocli. */
package dev.ipcgen.cli;
