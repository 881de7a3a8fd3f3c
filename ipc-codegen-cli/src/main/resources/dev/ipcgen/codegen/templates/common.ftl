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
