<#-- @ftlvariable name="model" type="dev.ipcgen.codegen.model.EnumFileModel" -->
<#-- A C-like enum: a Java enum whose codec writes the u32 index of the constant. -->
<#import "common.ftl" as c>
<@c.header model/>
<@c.javadoc model.doc/>
@javax.annotation.processing.Generated("dev.ipcgen")
public enum ${model.className} {
<#list model.constants as k>
<@indent by=4><@c.javadoc k.doc/></@indent>
    ${k.name}<#if k?has_next>,<#else>;</#if>
</#list>

    /** Encodes and decodes {@code ${model.className}} as its u32 variant index (wire-format.md section 6). */
    public static final dev.ipcgen.runtime.codec.Codec<${model.className}> CODEC = new dev.ipcgen.runtime.codec.Codec<>() {
        private final ${model.className}[] constants = values();

        @java.lang.Override
        public void encode(io.netty.buffer.ByteBuf out, ${model.className} value) {
            dev.ipcgen.runtime.codec.Bincode.writeVariant(out, value.ordinal());
        }

        @java.lang.Override
        public ${model.className} decode(io.netty.buffer.ByteBuf in) {
            return constants[dev.ipcgen.runtime.codec.Bincode.readVariant(in, constants.length, ${model.idlName})];
        }
    };
}
