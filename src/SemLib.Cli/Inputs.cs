using SemLib.Data;
using SemLib.Specification;
using SemLib.Syntax;

namespace SemLib.Cli;

/// <summary>The model and data of a fit, read from their files once (bench fits them many times).</summary>
internal sealed class Inputs
{
    private Inputs(ParsedModel model, DataSet? data, CovarianceData? covariance, string description)
    {
        Model = model;
        Data = data;
        Covariance = covariance;
        Description = description;
    }

    public ParsedModel Model { get; }
    public DataSet? Data { get; }
    public CovarianceData? Covariance { get; }

    /// <summary>What was read, for --verbose.</summary>
    public string Description { get; }

    /// <summary>
    /// Reads and parses the model file and reads the data (in <paramref name="encoding"/>, null for UTF-8). A file that
    /// vanished or cannot be read, or a model file that is not UTF-8, is a usage error (exit 2, naming the file); bad
    /// syntax throws <see cref="ModelSyntaxException"/>, bad data (a data file that is not UTF-8 among them)
    /// <see cref="DataException"/>.
    /// </summary>
    public static Inputs Load(string modelPath, string? dataPath, string? covPath, int nobs, System.Text.Encoding? encoding = null)
    {
        string syntax = OptionChecks.ReadText(modelPath, "model");
        var model = ModelSyntax.Parse(syntax);
        if (dataPath is not null)
        {
            var data = OptionChecks.Read(dataPath, "data", () => DataSet.ReadCsv(dataPath, encoding));
            return new Inputs(model, data, null, $"{dataPath}: {data.RowCount} rows, {data.Names.Count} columns");
        }
        var cov = OptionChecks.Read(covPath!, "covariance", () => CovarianceData.ReadCsv(covPath!, nobs, encoding));
        return new Inputs(model, null, cov, $"{covPath}: a {cov.Names.Count}x{cov.Names.Count} covariance matrix, N = {cov.N}");
    }

    /// <summary>Another model on the same data (read once): parses the model file; the data are shared.</summary>
    public Inputs WithModel(string modelPath) =>
        new(ModelSyntax.Parse(OptionChecks.ReadText(modelPath, "model")), Data, Covariance, Description);

    /// <summary>
    /// Fits the model (the whole of <c>Sem.Fit</c>, which is what bench times). A --group-partial parameter or an
    /// --ordered name the model does not have is a usage error (exit 2).
    /// </summary>
    public SemFit Fit(ModelOptions options)
    {
        GroupEqualityOptions.Check(Model, options);
        OrderedOptions.Check(Model, options);
        return Data is not null ? Sem.Fit(Model, Data, options) : Sem.Fit(Model, Covariance!, options);
    }
}
