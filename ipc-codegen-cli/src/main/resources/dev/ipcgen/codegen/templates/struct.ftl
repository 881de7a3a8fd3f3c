<#-- @ftlvariable name="model" type="dev.ipcgen.codegen.model.StructFileModel" -->
<#-- A struct: a top-level record with its codec. -->
<#import "common.ftl" as c>
<#import "record.ftl" as rec>
<@c.header model/>
<@rec.record model.record true/>
