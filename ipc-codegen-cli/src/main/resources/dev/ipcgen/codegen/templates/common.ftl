<#-- Macros shared by every file template: the file header and Javadoc comments. -->
<#macro header file>
// ${file.header}
package ${file.packageName};

</#macro>
<#macro javadoc lines>
<#if lines?has_content>
/**
<#list lines as line>
 *<#if line?has_content> ${line}</#if>
</#list>
 */
</#if>
</#macro>
<#-- A container's codec: decode errors gain the element's place ([2], [2].key, [2].value); or a
     range-checked element's codec, whose encode errors name the field. -->
<#macro container k>
<#assign B = "dev.ipcgen.runtime.codec.Bincode">
<#if k.kind == "checked">
    private static final dev.ipcgen.runtime.codec.Codec<${k.valueType}> ${k.name} =
            ${k.initializer};
<#else>
    private static final dev.ipcgen.runtime.codec.Codec<${k.valueType}> ${k.name} = new dev.ipcgen.runtime.codec.Codec<>() {
        @java.lang.Override
        public void encode(io.netty.buffer.ByteBuf out, ${k.valueType} value) {
<#if k.kind == "list">
            ${B}.writeList(out, value, ${k.elementCodec});
<#elseif k.kind == "option">
            ${B}.writeOption(out, value, ${k.elementCodec});
<#else>
            ${B}.writeMap(out, value, ${k.keyCodec}, ${k.elementCodec});
</#if>
        }

        @java.lang.Override
        public ${k.valueType} decode(io.netty.buffer.ByteBuf in) {
<#if k.kind == "list">
            // An ImmutableList, which the record keeps as it is; errors name [i].
            return ${B}.readList(in, ${k.elementCodec}, ${k.minSize?c});
<#elseif k.kind == "option">
            return ${B}.readOption(in, ${k.elementCodec});
<#else>
            // An OrderedMap, which the record keeps as it is; errors name [i].key or [i].value.
            return ${B}.readMap(in, ${k.keyCodec}, ${k.elementCodec}, ${k.minSize?c});
</#if>
        }
    };
</#if>
</#macro>
