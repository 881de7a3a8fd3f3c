/**
 * The frames of wire-format.md: layout and writers ({@link dev.ipcgen.runtime.wire.Frames}), the
 * checking decoder ({@link dev.ipcgen.runtime.wire.FrameDecoder}), and the bodies the runtime itself
 * reads (HELLO, ERROR, GOAWAY). Bodies of calls are written and read by the generated codecs.
 */
package dev.ipcgen.runtime.wire;
