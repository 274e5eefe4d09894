using SemLib.CommonMethod;
using Xunit;

namespace SemLib.Tests.CommonMethod;

/// <summary>Properties that hold whatever the data: thread count, names the checks add, the share's range.</summary>
public sealed class MethodBiasPropertyTests
{
    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var (json, data) = MethodBiasReferenceTests.Case("likert-marker");
        string model = json.GetProperty("model").GetString()!;
        MethodBiasResult Run(int threads) => MethodBias.Run(model, data,
            new MethodBiasOptions { Markers = ["mk1", "mk2", "mk3"], MaxDegreeOfParallelism = threads });
        var one = Run(1);
        var two = Run(2);
        Assert.Equal(SemLib.Reporting.Json.MethodBiasJson.ToJson(one), SemLib.Reporting.Json.MethodBiasJson.ToJson(two));
    }

    [Fact]
    public void Added_factor_names_do_not_clash_with_the_model()
    {
        // Traits called 'method' and 'general' and a label 'm': the checks pick other names, and the numbers are those
        // of the hs case (Reference/method-bias/hs.json) whatever the names.
        var (json, data) = MethodBiasReferenceTests.Case("hs");
        var r = MethodBias.Run("method =~ x1 + x2 + x3\ngeneral =~ x4 + m*x5 + x6\nspeed =~ x7 + x8 + x9", data);
        var c = json.GetProperty("common_latent_factor");
        var a = new SemLib.Tests.Support.Agreement("renamed");
        a.Check("clf chisq", r.CommonLatentFactor.Fit.ChiSquare, c.GetProperty("chisq").GetDouble());
        a.Check("method_variance_share", r.CommonLatentFactor.MethodVarianceShare, c.GetProperty("method_variance_share").GetDouble());
        a.Check("single chisq", r.Harman.SingleFactor.ChiSquare, json.GetProperty("harman").GetProperty("single_factor").GetProperty("chisq").GetDouble());
        a.Assert();
        Assert.Contains("\nmethod2 =~ NA*x1 + m2*x1", r.CommonLatentFactor.Model);
    }

    [Fact]
    public void The_first_component_share_is_between_one_over_p_and_one()
    {
        var (json, data) = MethodBiasReferenceTests.Case("poldem");
        var r = MethodBias.Run(json.GetProperty("model").GetString()!, data);
        Assert.InRange(r.Harman.FirstComponentShare, 1.0 / r.Items.Count, 1.0);
        Assert.NotEmpty(r.Verdicts);
    }

    [Fact]
    public void With_one_trait_the_one_factor_test_has_no_p_value_as_in_lavaan()
    {
        // lavaan 0.6.14: lavTestLRT of cfa("f =~ x1 + ... + x6") against the same model under another factor name
        // prints Chisq diff 0, Df diff 0 and no p-value (both models chisq 103.23 on 9 df).
        var (_, data) = MethodBiasReferenceTests.Case("hs");
        var r = MethodBias.Run("f =~ x1 + x2 + x3 + x4 + x5 + x6", data);
        Assert.Equal(0, r.Harman.SingleFactorVsMeasurement.DeltaDf);
        Assert.Null(r.Harman.SingleFactorVsMeasurement.PValue);
        Assert.Contains(r.Verdicts, v => v.StartsWith("With one trait", StringComparison.Ordinal));
        Assert.Contains("\"delta_pvalue\": null", SemLib.Reporting.Json.MethodBiasJson.ToJson(r));
    }
}
