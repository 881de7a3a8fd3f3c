package dev.ipcgen.it.basic;

import dev.ipcgen.runtime.CallContext;
import dev.ipcgen.runtime.Service;

/** Uses the generated types, so compiling this project proves the plugin added them. */
public final class Painter implements DemoProtocol.Handler {

    @Override
    public DemoProtocol.PaintResponse paint(DemoProtocol.PaintRequest request, CallContext context) {
        Point at = request.at();
        return new DemoProtocol.PaintResponse(at.x() >= 0 && at.y() >= 0 && request.color() != Color.Blue);
    }

    @Override
    public void note(DemoProtocol.NoteRequest request, CallContext context) {
    }

    /** What a server would register. */
    public static Service service() {
        return DemoProtocol.service(new Painter());
    }
}
