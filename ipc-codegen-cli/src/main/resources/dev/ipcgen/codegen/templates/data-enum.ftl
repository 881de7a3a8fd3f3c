<#-- @ftlvariable name="model" type="dev.ipcgen.codegen.model.DataEnumFileModel" -->
<#-- An enum with data: a sealed interface with a nested record per variant. -->
<#import "common.ftl" as c>
<#import "record.ftl" as rec>
<@c.header model/>
<@c.javadoc model.doc/>
@javax.annotation.processing.Generated("dev.ipcgen")
public sealed interface ${model.className} {

    /** Encodes and decodes {@code ${model.className}}: its u32 variant index, then the variant's fields. */
    dev.ipcgen.runtime.codec.Codec<${model.className}> CODEC = new dev.ipcgen.runtime.codec.Codec<>() {
        @java.lang.Override
        public void encode(io.netty.buffer.ByteBuf out, ${model.className} value) {
<#list model.variants as v>
            if (value instanceof ${v.name}) {
                dev.ipcgen.runtime.codec.Bincode.writeVariant(out, ${v?index});
                ${v.name}.${v.codecName}.encode(out, (${v.name}) value);
                return;
            }
</#list>
            throw new java.lang.NullPointerException("value");
        }

        @java.lang.Override
        public ${model.className} decode(io.netty.buffer.ByteBuf in) {
            return switch (dev.ipcgen.runtime.codec.Bincode.readVariant(in, ${model.variants?size}, ${model.idlName})) {
<#list model.variants as v>
                <#if v?has_next>case ${v?index}<#else>default</#if> -> decode${v.name}(in);
</#list>
            };
        }
<#list model.variants as v>

        private ${v.name} decode${v.name}(io.netty.buffer.ByteBuf in) {
            try {
                return ${v.name}.${v.codecName}.decode(in);
            } catch (dev.ipcgen.runtime.codec.DecodeException e) {
                throw e.within(${v.pathLiteral});
            }
        }
</#list>
    };
<#list model.variants as v>

<@indent by=4><@rec.record v false/></@indent>
</#list>
}
