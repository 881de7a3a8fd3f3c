/**
 * The one FreeMarker configuration of the generator ({@link dev.ipcgen.codegen.template.Templates}) and
 * its {@code indent} directive. The templates live in {@code /dev/ipcgen/codegen/templates/}: one per
 * kind of generated file, plus the shared {@code record.ftl} and {@code common.ftl} macros.
 */
package dev.ipcgen.codegen.template;
