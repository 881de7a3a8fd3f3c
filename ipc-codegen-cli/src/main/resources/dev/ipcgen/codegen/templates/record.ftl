<#-- @ftlvariable name="r" type="dev.ipcgen.codegen.model.RecordModel" -->
<#-- A record and its codec: a struct (top level), a request, a response or a variant (nested). -->
<#import "common.ftl" as c>
<#macro record r topLevel>
<@c.javadoc r.doc/>
<#if topLevel>
@javax.annotation.processing.Generated("dev.ipcgen")
</#if>
<#if r.componentsOnOneLine()>
public record ${r.name}(<#list r.fields as f>${f.javaType} ${f.name}<#sep>, </#sep></#list>)${r.implementsClause} {
<#else>
public record ${r.name}(<#list r.fields as f>
        ${f.javaType} ${f.name}<#sep>,</#sep></#list>)${r.implementsClause} {
</#if>
<#if r.hasChecks()>

    /** Checks for nulls and copies collections, so that the record is immutable. */
    public ${r.name} {
<#list r.fields as f>
<#list f.checks as check>
        ${check}
</#list>
</#list>
    }
</#if>

<#if r.codecPublic>
    /** Encodes and decodes {@code ${r.name}} in the body encoding (wire-format.md section 6). */
    public static final dev.ipcgen.runtime.codec.Codec<${r.name}> ${r.codecName} = new dev.ipcgen.runtime.codec.Codec<>() {
<#else>
    /** Encodes and decodes the fields of {@code ${r.name}}, which follow its variant index. */
    private static final dev.ipcgen.runtime.codec.Codec<${r.name}> ${r.codecName} = new dev.ipcgen.runtime.codec.Codec<>() {
</#if>
        @java.lang.Override
        public void encode(io.netty.buffer.ByteBuf out, ${r.name} value) {
<#list r.fields as f>
            ${f.encode};
</#list>
        }

        @java.lang.Override
        public ${r.name} decode(io.netty.buffer.ByteBuf in) {
<#if r.fields?size == 0>
            return new ${r.name}();
<#elseif r.fields?size <= 2>
            return new ${r.name}(<#list r.fields as f>${f.decodeMethod}(in)<#sep>, </#sep></#list>);
<#else>
            return new ${r.name}(<#list r.fields as f>
                    ${f.decodeMethod}(in)<#sep>,</#sep></#list>);
</#if>
        }
<#list r.fields as f>

        private ${f.javaType} ${f.decodeMethod}(io.netty.buffer.ByteBuf in) {
            try {
                return ${f.decode};
            } catch (dev.ipcgen.runtime.codec.DecodeException e) {
                throw e.within(${f.pathLiteral});
            }
        }
</#list>
    };
<#list r.composites as k>

<@c.container k/>
</#list>
}
</#macro>
