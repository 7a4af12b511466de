//! Golden token lists for mixed Chinese/English lines, through the shipped lexicon.

use jdfit::analyze::Analyzer;

fn terms(s: &str) -> Vec<String> {
    Analyzer::shared()
        .analyze(s)
        .into_iter()
        .map(|t| t.text)
        .collect()
}

#[test]
fn tech_terms_come_out_whole() {
    assert_eq!(
        terms("C++ and C# on .NET, Node.js services"),
        ["c++", "c#", ".net", "node.js", "servic"]
    );
    assert_eq!(
        terms("CI/CD 流水线, A/B test 实验, TCP/IP, gRPC"),
        ["ci/cd", "流水线", "a/b test", "实验", "tcp/ip", "grpc"]
    );
    assert_eq!(terms("JavaScript vs Java"), ["javascript", "vs", "java"]);
    // A title naming a specialty names its concept, as "Data Engineer" does.
    assert_eq!(
        terms("Security Engineer, Cloud Security / 安全工程师"),
        [
            "security engineering",
            "cloud security",
            "security engineering"
        ]
    );
}

#[test]
fn chinese_and_mixed_lines() {
    assert_eq!(terms("机器学习平台"), ["machine learning", "平台"]);
    assert_eq!(
        terms("负责K8s集群运维"),
        ["负责", "kubernetes", "集群", "it operations"]
    );
    assert_eq!(terms("熟悉python开发"), ["熟悉", "python", "开发"]);
    // Aliases across languages meet in one concept.
    assert_eq!(
        terms("可观测性 observability"),
        ["observability", "observability"]
    );
    assert_eq!(terms("K8S"), terms("Kubernetes"));
}

#[test]
fn full_width_is_folded_and_offsets_point_at_the_original() {
    let src = "Ｋ８ｓ，Ｊａｖａ 和 p99 延迟";
    let toks = Analyzer::shared().analyze(src);
    let texts: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["kubernetes", "java", "p99", "延迟"]);
    assert_eq!(&src[toks[0].start..toks[0].end], "Ｋ８ｓ");
    assert_eq!(&src[toks[1].start..toks[1].end], "Ｊａｖａ");
}

#[test]
fn no_punctuation_whitespace_or_stopword_tokens() {
    let toks = terms("我们的 team is, 和 the —— （）… 等 !!");
    assert_eq!(toks, ["team"]);
}

#[test]
fn a_huge_word_does_not_break_anything() {
    let text = format!("Kafka {} 集群", "a".repeat(200_000));
    let toks = terms(&text);
    assert!(toks == ["kafka", "集群"], "{} tokens", toks.len());
}
