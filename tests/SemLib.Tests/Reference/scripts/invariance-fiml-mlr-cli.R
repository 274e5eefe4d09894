# The numbers behind InvarianceCliTests.Fiml_with_mlr: configural and metric steps of the HS CFA across schools by FIML
# with MLR on examples/hs-missing.csv (lavaan 0.6.14). Run from the repository root: Rscript tests/SemLib.Tests/Reference/scripts/invariance-fiml-mlr-cli.R
suppressMessages(library(lavaan))
d <- read.csv("examples/hs-missing.csv")
m <- 'visual =~ x1+x2+x3
textual =~ x4+x5+x6
speed =~ x7+x8+x9'
f1 <- cfa(m, d, group="school", missing="ml", estimator="MLR")
f2 <- cfa(m, d, group="school", missing="ml", estimator="MLR", group.equal="loadings")
print(fitMeasures(f1, c("chisq","df","cfi","rmsea","srmr")))
print(fitMeasures(f2, c("chisq","df","cfi","rmsea","srmr")))
print(lavTestLRT(f1, f2))
