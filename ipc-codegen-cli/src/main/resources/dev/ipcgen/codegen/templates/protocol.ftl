<#-- @ftlvariable name="model" type="dev.ipcgen.codegen.model.ProtocolFileModel" -->
<#-- A protocol: descriptor, request and response records, handler interfaces and sender. -->
<#import "common.ftl" as c>
<#import "record.ftl" as rec>
<@c.header model/>
<@c.javadoc model.doc/>
@javax.annotation.processing.Generated("dev.ipcgen")
public final class ${model.className} {
<#list model.messages as m>

    /** The message {@code ${m.idlName}}, index ${m.index}<#if m.oneWay>, one-way</#if>. */
    public static final dev.ipcgen.runtime.MethodDescriptor<${m.request.name}, ${m.responseType}> ${m.constant} =
<#if m.oneWay>
            dev.ipcgen.runtime.MethodDescriptor.oneWay(${model.nameLiteral}, ${model.versionLiteral}, ${m.nameLiteral}, ${m.index},
                    ${m.request.name}.CODEC);
<#else>
            dev.ipcgen.runtime.MethodDescriptor.unary(${model.nameLiteral}, ${model.versionLiteral}, ${m.nameLiteral}, ${m.index},
                    ${m.request.name}.CODEC, ${m.response.name}.CODEC);
</#if>
</#list>

    /** The protocol as the runtime sees it: id ${model.idHex}, its fingerprint and its messages. */
    public static final dev.ipcgen.runtime.ProtocolDescriptor DESCRIPTOR = dev.ipcgen.runtime.ProtocolDescriptor.of(
            ${model.nameLiteral}, ${model.versionLiteral}, ${model.fingerprintLiteral}, java.util.List.of(<#list model.messages as m>${m.constant}<#sep>, </#sep></#list>));

    private ${model.className}() {
    }
<#list model.messages as m>

<@indent by=4><@rec.record m.request false/></@indent>
<#if !m.oneWay>

<@indent by=4><@rec.record m.response false/></@indent>
</#if>
</#list>

    /**
     * What a server (or a client serving this protocol) implements, blocking style: it runs on the
     * endpoint's handler executor, never on an event loop. An exception answers the call with
     * {@code HANDLER_ERROR} and its message.
     */
    public interface Handler {
<#list model.messages as m>

<@indent by=8><@c.javadoc m.doc/></@indent>
        <#if m.oneWay>void<#else>${m.responseType}</#if> ${m.method}(${m.request.name} request, dev.ipcgen.runtime.CallContext context) throws java.lang.Exception;
</#list>
    }

    /** The same as {@link Handler}, asynchronous: for handlers that wait on other calls or I/O. */
    public interface AsyncHandler {
<#list model.messages as m>

<@indent by=8><@c.javadoc m.doc/></@indent>
        java.util.concurrent.CompletionStage<${m.responseType}> ${m.method}(${m.request.name} request, dev.ipcgen.runtime.CallContext context);
</#list>
    }

    /** Serves this protocol with a blocking {@code handler}; register the service with a server or client. */
    public static dev.ipcgen.runtime.Service service(Handler handler) {
        java.util.Objects.requireNonNull(handler, "handler");
        return dev.ipcgen.runtime.Service.builder(DESCRIPTOR)
<#list model.messages as m>
                .<#if m.oneWay>oneWay<#else>unary</#if>(${m.constant}, handler::${m.method})
</#list>
                .build();
    }

    /** Serves this protocol with an asynchronous {@code handler}. */
    public static dev.ipcgen.runtime.Service service(AsyncHandler handler) {
        java.util.Objects.requireNonNull(handler, "handler");
        return dev.ipcgen.runtime.Service.builder(DESCRIPTOR)
<#list model.messages as m>
                .<#if m.oneWay>oneWayAsync<#else>unaryAsync</#if>(${m.constant}, handler::${m.method})
</#list>
                .build();
    }

    /** Calls this protocol on {@code peer} (a connection, or {@code context.peer()} in a handler). */
    public static Sender sender(dev.ipcgen.runtime.Peer peer) {
        return new SenderImpl(java.util.Objects.requireNonNull(peer, "peer"), dev.ipcgen.runtime.CallOptions.DEFAULT);
    }

    /**
     * Calls this protocol on a peer. Futures complete on the endpoint's callback executor, never on
     * an event loop; a one-way message's future completes when the message has been written.
     */
    public interface Sender {
<#list model.messages as m>

<@indent by=8><@c.javadoc m.doc/></@indent>
        default java.util.concurrent.CompletableFuture<${m.responseType}> ${m.method}(${m.senderParameters}) {
            return ${m.method}(new ${m.request.name}(${m.senderArguments}));
        }

<@indent by=8><@c.javadoc m.doc/></@indent>
        java.util.concurrent.CompletableFuture<${m.responseType}> ${m.method}(${m.request.name} request);
</#list>

        /** A sender with the same peer and these options (timeout) for each call. */
        Sender withOptions(dev.ipcgen.runtime.CallOptions options);
    }

    /** The one {@link Sender}: a peer and the options of its calls. */
    private static final class SenderImpl implements Sender {
        private final dev.ipcgen.runtime.Peer peer;
        private final dev.ipcgen.runtime.CallOptions options;

        SenderImpl(dev.ipcgen.runtime.Peer peer, dev.ipcgen.runtime.CallOptions options) {
            this.peer = peer;
            this.options = options;
        }
<#list model.messages as m>

        @java.lang.Override
        public java.util.concurrent.CompletableFuture<${m.responseType}> ${m.method}(${m.request.name} request) {
            return peer.<#if m.oneWay>send<#else>call</#if>(${m.constant}, request, options);
        }
</#list>

        @java.lang.Override
        public Sender withOptions(dev.ipcgen.runtime.CallOptions options) {
            return new SenderImpl(peer, java.util.Objects.requireNonNull(options, "options"));
        }
    }
}
