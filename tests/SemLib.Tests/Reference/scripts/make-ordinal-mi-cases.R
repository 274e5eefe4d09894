# Produces tests/SemLib.Tests/Reference/ordinal-mi/*.json: lavaan 0.6.14's modindices() of WLSMV fits with ordered
# items (mi, epc, sepc.lv, sepc.all), on the data of the ordinal-fit cases. Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-ordinal-mi-cases.R
# Needs R 4.2 with lavaan 0.6.14 and jsonlite. Tests never run R: they read the committed JSON.
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
out.dir <- "tests/SemLib.Tests/Reference/ordinal-mi"
script <- "tests/SemLib.Tests/Reference/scripts/make-ordinal-mi-cases.R"
num <- function(x) { x <- as.numeric(x); ifelse(is.finite(x), x, NA) }

write_case <- function(name, model, data.ref, options) {
  d <- read.csv(file.path(out.dir, data.ref))
  fit <- do.call("cfa", c(list(model = model, data = d), options))
  mi <- modindices(fit)
  rows <- lapply(seq_len(nrow(mi)), function(i) list(lhs = mi$lhs[i], op = mi$op[i], rhs = mi$rhs[i],
    group = if (is.null(mi$group)) 1L else mi$group[i], mi = num(mi$mi[i]), epc = num(mi$epc[i]),
    sepc.lv = num(mi$sepc.lv[i]), sepc.all = num(mi$sepc.all[i])))
  case <- list(name = name, reference = paste0("lavaan 0.6.14, R ", getRversion(), " (", script, ")"),
    model = model, data = data.ref, options = options, modification_indices = rows)
  writeLines(toJSON(case, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), file.path(out.dir, paste0(name, ".json")))
}

hs <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
write_case("hs-cfa-wlsmv", hs, "../ordinal-fit/hs-cfa-wlsmv/data.csv", list(ordered = paste0("x", 1:9)))
write_case("hs-cfa-theta", hs, "../ordinal-fit/hs-cfa-wlsmv/data.csv", list(ordered = paste0("x", 1:9), parameterization = "theta"))
write_case("hs-groups-wlsmv", hs, "../ordinal-fit/hs-cfa-wlsmv/data.csv", list(ordered = paste0("x", 1:9), group = "school"))
