/* eslint-disable */
// Builds the Russian custom-functions metadata (dist/functions.ru.json) from the generated
// functions.json and the committed translation table src/functions/functions.ru.names.json.
// Only `name` and `description` of each function and each parameter are translated; ids, types,
// options and results stay as generated. A function id without a Russian entry, or a parameter
// without a Russian description, is an error: the build fails.
"use strict";

/**
 * @param {object} metadata   parsed functions.json ({ functions: [...] })
 * @param {object} table      parsed functions.ru.names.json ({ ID: { name, description, parameters: { p: { description } } } })
 * @returns {{ json: object, errors: string[], warnings: string[] }}
 *   errors fail the build; warnings (table entries that name no function or parameter) do not.
 */
function translateMetadata(metadata, table) {
  const errors = [];
  const warnings = [];
  const functions = (metadata.functions || []).map((fn) => {
    const ru = table[fn.id];
    if (!ru) {
      errors.push(`functions.ru.names.json: no Russian entry for custom function id "${fn.id}"`);
      return fn;
    }
    // Excel: a name starts with a letter, then letters, digits, "_" or "."; upper case by convention.
    if (typeof ru.name !== "string" || !/^[A-ZА-ЯЁ][A-ZА-ЯЁ0-9_.]{2,}$/.test(ru.name)) {
      errors.push(`functions.ru.names.json: "${fn.id}".name must be an upper-case word of 3+ letters, digits, "_" or "." (got ${JSON.stringify(ru.name)})`);
    }
    const out = { ...fn, name: ru.name || fn.name };
    if (fn.description !== undefined || ru.description) {
      if (!ru.description) errors.push(`functions.ru.names.json: "${fn.id}" has no description`);
      out.description = ru.description || fn.description;
    }
    out.parameters = (fn.parameters || []).map((p) => {
      const rp = ru.parameters && ru.parameters[p.name];
      if (!rp || !rp.description) {
        errors.push(`functions.ru.names.json: "${fn.id}" has no description for parameter "${p.name}"`);
        return p;
      }
      // The parameter *name* shown in Excel's tooltip may be translated too (optional).
      return { ...p, ...(rp.name ? { name: rp.name } : {}), description: rp.description };
    });
    for (const pname of Object.keys(ru.parameters || {})) {
      if (!(fn.parameters || []).some((p) => p.name === pname)) {
        warnings.push(`functions.ru.names.json: "${fn.id}" describes parameter "${pname}", which the function does not have`);
      }
    }
    // `result` stays as generated: Excel's metadata schema gives a result only type and
    // dimensionality, so a "result.description" in the table is documentation and is not emitted.
    return out;
  });
  for (const id of Object.keys(table)) {
    if (!(metadata.functions || []).some((f) => f.id === id)) {
      warnings.push(`functions.ru.names.json: entry "${id}" names no custom function (not written yet, or stale)`);
    }
  }
  const names = new Map();
  for (const f of functions) {
    const key = String(f.name).toUpperCase();
    if (names.has(key)) errors.push(`functions.ru.names.json: Russian name "${f.name}" used by both ${names.get(key)} and ${f.id}`);
    names.set(key, f.id);
  }
  return { json: { ...metadata, functions }, errors, warnings };
}

const PLUGIN = "FunctionsRuPlugin";

/** Webpack plugin: after functions.json is emitted into the compilation, add functions.ru.json. */
class FunctionsRuPlugin {
  /** @param {{ source: string, table: string, output: string }} options */
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    const fs = require("fs");
    const path = require("path");
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      const tablePath = path.resolve(compiler.context, this.options.table);
      compilation.fileDependencies.add(tablePath);
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.options.source);
          if (!asset) {
            // custom-functions-metadata-plugin reported its own errors; nothing to translate.
            if (compilation.errors.length === 0) {
              compilation.errors.push(new WebpackError(`${PLUGIN}: ${this.options.source} was not generated`));
            }
            return;
          }
          let table;
          try {
            table = JSON.parse(fs.readFileSync(tablePath, "utf8"));
          } catch (e) {
            compilation.errors.push(new WebpackError(`${PLUGIN}: cannot read ${tablePath}: ${e.message}`));
            return;
          }
          const metadata = JSON.parse(asset.source.source().toString());
          const { json, errors, warnings } = translateMetadata(metadata, table);
          for (const err of errors) compilation.errors.push(new WebpackError(`${PLUGIN}: ${err}`));
          for (const w of warnings) compilation.warnings.push(new WebpackError(`${PLUGIN}: ${w}`));
          if (errors.length === 0) {
            compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(json, null, 4)));
          }
        }
      );
    });
  }
}

module.exports = { translateMetadata, FunctionsRuPlugin };
