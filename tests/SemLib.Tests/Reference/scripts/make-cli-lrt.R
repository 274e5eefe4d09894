# Produces the reference of the `semlib compare` tests, tests/SemLib.Tests/Reference/cli/hs-lrt/: three nested
# CFAs of the Holzinger-Swineford data (free factor correlations; orthogonal factors; orthogonal with two equal
# visual loadings) as model files, and lavaan's lavTestLRT() of them as lrt.json (full precision) and lrt.txt (as
# printed). Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-cli-lrt.R
# Needs R 4.2 with lavaan 0.6.14 and jsonlite. Tests never run R: they read the committed files.
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
ref <- "tests/SemLib.Tests/Reference"
out <- file.path(ref, "cli/hs-lrt")
dir.create(out, showWarnings = FALSE)
d <- read.csv(file.path(ref, "lavaan/hs-cfa/data.csv"))

models <- list(
  free = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\n",
  orth = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\nvisual ~~ 0*textual + 0*speed\ntextual ~~ 0*speed\n",
  equal = "visual =~ x1 + a*x2 + a*x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\nvisual ~~ 0*textual + 0*speed\ntextual ~~ 0*speed\n")
for (name in names(models)) writeLines(sub("\n$", "", models[[name]]), file.path(out, paste0(name, ".lav")))

fits <- lapply(models, cfa, data = d)
lrt <- lavTestLRT(fits$free, fits$orth, fits$equal, model.names = names(models))
writeLines(sub(" +$", "", capture.output(print(lrt))), file.path(out, "lrt.txt"))
num <- function(x) if (is.na(x)) NULL else x
rows <- lapply(seq_len(nrow(lrt)), function(i) list(
  name = rownames(lrt)[i], df = lrt$Df[i], aic = num(lrt$AIC[i]), bic = num(lrt$BIC[i]), chisq = lrt$Chisq[i],
  chisq_diff = num(lrt[["Chisq diff"]][i]), rmsea = num(lrt$RMSEA[i]), df_diff = num(lrt[["Df diff"]][i]),
  pvalue = num(lrt[["Pr(>Chisq)"]][i])))
writeLines(toJSON(list(reference = paste("lavaan", packageVersion("lavaan")), call = "lavTestLRT(free, orth, equal)",
                       rows = rows), auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
           file.path(out, "lrt.json"))
