package io.tradingcore.application.sweep;

import java.util.List;

/**
 * The deflated Sharpe ratio of Bailey and Lopez de Prado ("The Deflated Sharpe Ratio: Correcting for Selection Bias,
 * Backtest Overfitting and Non-Normality", Journal of Portfolio Management 40(5), 2014): the probability that the true
 * Sharpe ratio of the best of N trials exceeds what the best of N trials without any skill would show.
 *
 * <p>All Sharpe ratios here are per period (not annualised): hourly returns give hourly Sharpe ratios. Pure functions.
 */
public final class DeflatedSharpe {
    /** Euler-Mascheroni constant. */
    static final double EULER_GAMMA = 0.5772156649015329;

    private DeflatedSharpe() {
    }

    /** The figures of one deflation: inputs and result, all per period. */
    public record Result(int trials, long observations, double bestSharpe, double trialSharpeVariance, double skewness,
                         double kurtosis, double expectedMaxSharpe, double deflatedSharpe) {
    }

    /**
     * SR0 = sqrt(V) * ((1 - gamma) * Z^-1(1 - 1/N) + gamma * Z^-1(1 - 1/(N e))): the expected maximum Sharpe ratio of
     * {@code trials} independent trials whose Sharpe ratios have variance {@code variance} and true value 0. One trial: 0.
     */
    public static double expectedMaxSharpe(int trials, double variance) {
        if (trials < 1 || !(variance >= 0)) {
            throw new IllegalArgumentException("need trials >= 1 and variance >= 0, got " + trials + " and " + variance);
        }
        if (trials == 1) {
            return 0.0;
        }
        return Math.sqrt(variance) * ((1 - EULER_GAMMA) * inverseNormalCdf(1 - 1.0 / trials)
                + EULER_GAMMA * inverseNormalCdf(1 - 1.0 / (trials * Math.E)));
    }

    /**
     * PSR(SR*) = Z((SR - SR*) * sqrt(T - 1) / sqrt(1 - skew * SR + (kurtosis - 1) / 4 * SR^2)), kurtosis not in excess
     * (3 for normal returns). Needs T >= 2.
     */
    public static double probabilisticSharpe(double sharpe, double benchmark, long observations, double skewness, double kurtosis) {
        if (observations < 2) {
            throw new IllegalArgumentException("the probabilistic Sharpe ratio needs >= 2 returns, got " + observations);
        }
        double denom = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (!(denom > 0)) {
            throw new IllegalArgumentException("1 - skew*SR + (kurt-1)/4*SR^2 must be > 0, was " + denom);
        }
        return normalCdf((sharpe - benchmark) * Math.sqrt(observations - 1.0) / Math.sqrt(denom));
    }

    /** DSR = PSR(SR0): the best trial's Sharpe ratio deflated by the number of trials and the spread of their Sharpe ratios. */
    public static Result deflate(double bestSharpe, int trials, double trialSharpeVariance, long observations, double skewness,
                                 double kurtosis) {
        double sr0 = expectedMaxSharpe(trials, trialSharpeVariance);
        return new Result(trials, observations, bestSharpe, trialSharpeVariance, skewness, kurtosis, sr0,
                probabilisticSharpe(bestSharpe, sr0, observations, skewness, kurtosis));
    }

    /**
     * Deflates the best of {@code trialReturns} (each a trial's per-period returns, in time order): per-period Sharpe
     * ratio mean / sample sd of each trial, the sample variance of those across trials, skewness and (non-excess)
     * kurtosis of the best trial's returns. Trials whose returns are flat (sd 0) or shorter than 2 count as trials
     * with Sharpe 0.
     */
    public static Result ofReturns(List<double[]> trialReturns) {
        if (trialReturns.isEmpty()) {
            throw new IllegalArgumentException("no trials");
        }
        double[] sharpes = new double[trialReturns.size()];
        int best = 0;
        for (int i = 0; i < sharpes.length; i++) {
            sharpes[i] = sharpe(trialReturns.get(i));
            if (sharpes[i] > sharpes[best]) {
                best = i;
            }
        }
        double[] r = trialReturns.get(best);
        return deflate(sharpes[best], sharpes.length, sampleVariance(sharpes), r.length, skewness(r), kurtosis(r));
    }

    static double sharpe(double[] r) {
        if (r.length < 2) {
            return 0.0;
        }
        double sd = Math.sqrt(sampleVariance(r));
        return sd == 0 ? 0.0 : mean(r) / sd;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double sampleVariance(double[] x) {
        if (x.length < 2) {
            return 0.0;
        }
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }

    /** Population skewness E[(x-m)^3] / sd^3; 0 for a flat series. */
    static double skewness(double[] x) {
        return standardisedMoment(x, 3, 0.0);
    }

    /** Population (non-excess) kurtosis E[(x-m)^4] / sd^4; 3 (normal) for a flat series. */
    static double kurtosis(double[] x) {
        return standardisedMoment(x, 4, 3.0);
    }

    private static double standardisedMoment(double[] x, int k, double flat) {
        if (x.length < 2) {
            return flat;
        }
        double m = mean(x);
        double m2 = 0;
        double mk = 0;
        for (double v : x) {
            double d = v - m;
            m2 += d * d;
            mk += Math.pow(d, k);
        }
        m2 /= x.length;
        mk /= x.length;
        return m2 == 0 ? flat : mk / Math.pow(m2, k / 2.0);
    }

    /** Standard normal CDF, |error| < 1e-14 (W. J. Cody's rational approximations of erfc, via Hart/West's form). */
    public static double normalCdf(double z) {
        double x = Math.abs(z);
        double c;
        if (x > 37) {
            c = 0;
        } else {
            double e = Math.exp(-x * x / 2);
            if (x < 7.07106781186547) {
                double b = 3.52624965998911e-02 * x + 0.700383064443688;
                b = b * x + 6.37396220353165;
                b = b * x + 33.912866078383;
                b = b * x + 112.079291497871;
                b = b * x + 221.213596169931;
                b = b * x + 220.206867912376;
                c = e * b;
                b = 8.83883476483184e-02 * x + 1.75566716318264;
                b = b * x + 16.064177579207;
                b = b * x + 86.7807322029461;
                b = b * x + 296.564248779674;
                b = b * x + 637.333633378831;
                b = b * x + 793.826512519948;
                b = b * x + 440.413735824752;
                c = c / b;
            } else {
                double b = x + 0.65;
                b = x + 4 / b;
                b = x + 3 / b;
                b = x + 2 / b;
                b = x + 1 / b;
                c = e / b / 2.506628274631;
            }
        }
        return z > 0 ? 1 - c : c;
    }

    /** Inverse standard normal CDF: Acklam's approximation refined by one Halley step on {@link #normalCdf}. */
    public static double inverseNormalCdf(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), got " + p);
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double x;
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        } else if (p <= 1 - 0.02425) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        } else {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double e = normalCdf(x) - p;
        double u = e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }
}
