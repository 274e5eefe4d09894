using SemLib.Data;
using SemLib.Estimation;
using SemLib.Inference;
using SemLib.Specification;
using SemLib.Syntax;
using SemLib.Results;

namespace SemLib;

/// <summary>
/// Fits structural equation models written in lavaan syntax — the first thing to type:
/// <code>
/// var data = DataSet.ReadCsv("hs.csv");
/// var fit = Sem.Fit("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6", data);
/// Console.WriteLine(fit.FitMeasures.Cfi); // or fit.FitMeasures["cfi"], lavaan's name
/// </code>
/// Defaults are lavaan's <c>sem()</c>: marker-variable identification, ML on the N-divisor covariance matrix,
/// expected-information standard errors, exogenous covariates fixed at their sample moments.
/// </summary>
public static class Sem
{
    /// <summary>Fits a model to raw data.</summary>
    /// <exception cref="ModelSyntaxException">The syntax cannot be read (with line and column).</exception>
    /// <exception cref="DataException">The data cannot be analysed (naming the variable and row).</exception>
    /// <exception cref="SemLibException">The model cannot be estimated at all (for example df &lt; 0).</exception>
    public static SemFit Fit(string model, DataSet data, ModelOptions? options = null) =>
        Fit(ModelSyntax.Parse(model), data, options);

    /// <summary>Fits a parsed (or builder-made) model to raw data.</summary>
    public static SemFit Fit(ParsedModel model, DataSet data, ModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Run(model, options ?? ModelOptions.Default, data, null);
    }

    /// <summary>Fits a model to a covariance matrix with its sample size.</summary>
    public static SemFit Fit(string model, CovarianceData data, ModelOptions? options = null) =>
        Fit(ModelSyntax.Parse(model), data, options);

    /// <summary>Fits a parsed (or builder-made) model to a covariance matrix with its sample size.</summary>
    public static SemFit Fit(ParsedModel model, CovarianceData data, ModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var opts = options ?? ModelOptions.Default;
        if (opts.MeanStructure == true && data.Means is null)
            throw new SemLibException("A mean structure needs the sample means; give them with the covariance matrix.");
        return Run(model, opts, null, data);
    }

    private static SemFit Run(ParsedModel model, ModelOptions options, DataSet? data, CovarianceData? cov)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (table, sample) = FitEngine.Prepare(model, options, data, cov);
        return Fit(table, sample, options);
    }

    /// <summary>Fits a built table to prepared data: the pipeline after <see cref="FitEngine.Prepare"/> (shared with the invariance steps).</summary>
    internal static SemFit Fit(ParameterTable table, SampleData sample, ModelOptions options)
    {
        var estSample = new EstimationSample(sample, options.Estimator);
        var lisrel = FitEngine.Compile(table, estSample);
        FitEngine.CheckDegreesOfFreedom(table, lisrel, estSample);
        var warnings = new List<FitWarning>(sample.Warnings);
        var fitted = InequalityFit.Optimize(table, lisrel, estSample, options, warnings);
        return FitResultBuilder.Build(fitted, warnings);
    }
}

/// <summary>
/// Confirmatory factor analysis: the same as <see cref="Sem"/> (lavaan's <c>cfa()</c> and <c>sem()</c> share
/// their defaults), named for readability.
/// </summary>
public static class Cfa
{
    /// <summary>Fits a measurement model to raw data.</summary>
    public static SemFit Fit(string model, DataSet data, ModelOptions? options = null) => Sem.Fit(model, data, options);

    /// <summary>Fits a measurement model to a covariance matrix with its sample size.</summary>
    public static SemFit Fit(string model, CovarianceData data, ModelOptions? options = null) => Sem.Fit(model, data, options);
}
