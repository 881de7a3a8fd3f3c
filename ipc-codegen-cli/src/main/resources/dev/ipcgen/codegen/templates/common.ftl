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
            int n = ${B}.readLength(in, ${k.minSize?c}, "Vec");
            java.util.List<${k.elementType}> list = new java.util.ArrayList<>(java.lang.Math.min(n, 1 << 16));
            for (int i = 0; i < n; i++) {
                try {
                    list.add(${k.elementCodec}.decode(in));
                } catch (dev.ipcgen.runtime.codec.DecodeException e) {
                    throw e.within("[" + i + "]");
                }
            }
            // Immutable once: the record's List.copyOf keeps it as it is.
            return java.util.List.copyOf(list);
<#elseif k.kind == "option">
            return ${B}.readOption(in, ${k.elementCodec});
<#else>
            int n = ${B}.readLength(in, ${k.minSize?c}, "HashMap");
            java.util.Map<${k.keyType}, ${k.elementType}> map = new java.util.LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                ${k.keyType} key;
                try {
                    key = ${k.keyCodec}.decode(in);
                } catch (dev.ipcgen.runtime.codec.DecodeException e) {
                    throw e.within("key").within("[" + i + "]");
                }
                try {
                    // A repeated key: the last value wins, as serde does.
                    map.put(key, ${k.elementCodec}.decode(in));
                } catch (dev.ipcgen.runtime.codec.DecodeException e) {
                    throw e.within("value").within("[" + i + "]");
                }
            }
            return java.util.Collections.unmodifiableMap(map);
</#if>
        }
    };
</#if>
</#macro>
