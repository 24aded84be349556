"""Write the bad-file corpus beside this script: `python tests/bad_files/make.py`.

The .txt files are committed; tests/test_robustness.py says what each must give.
"""
from pathlib import Path

out = Path(__file__).parent
ARTICLE = (
    "柳州推行“警民通”平台\n\n"
    "本报记者 赵明 通讯员 韦华\n\n"
    "今年以来，柳州市公安局推出“警民通”平台，在城中区全面推行，群众注册用户达1.3万名。\n\n"
    "柳州市公安局党委书记、局长李建国介绍，城中区分局已建成警务站36个，"
    "全市违法犯罪警情同比下降21.2%。\n")
TRAD = (
    "嘉興推行“紅船楓警”機制\n\n"
    "本報記者 趙明\n\n"
    "今年以來，嘉興市公安局推出“紅船楓警”工作機制，在南湖區全面推行。"
    "全市違法犯罪警情同比下降21.2%。\n")

files = {
    "01_empty.txt": b"",
    "02_blank_lines.txt": b"\n \r\n\t\n",
    "03_binary.txt": bytes(range(256)) * 4,
    "04_png_as_txt.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
    "05_truncated_utf8.txt": ARTICLE.encode("utf-8")[:-2],
    "06_gb18030.txt": ARTICLE.encode("gb18030"),
    "07_headline_only.txt": "柳州推行“警民通”平台\n\n城中区警务站建成\n".encode("utf-8"),
    "08_html_as_txt.txt": (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>页面</title>"
        "<script>var x = '<b>';</script><style>p{color:red}</style></head><body>"
        "<h1>柳州推行“警民通”平台</h1><p>本报记者 赵明 通讯员 韦华</p>"
        "<p>今年以来，柳州市公安局推出“警民通”平台，在城中区全面推行，群众注册用户达1.3万名。</p>"
        "<p>柳州市公安局党委书记、局长李建国介绍，城中区分局已建成警务站36个，"
        "全市违法犯罪警情同比下降21.2%&#12290;</p></body></html>").encode("utf-8"),
    "09_crlf.txt": ARTICLE.replace("\n", "\r\n").encode("utf-8"),
    "10_cr.txt": ARTICLE.replace("\n", "\r").encode("utf-8"),
    "11_zero_width.txt": ARTICLE.replace("警民通", "警\u200b民\u200d通").replace(
        "柳州市", "柳\ufeff州市").encode("utf-8"),
    "12_full_width.txt": ARTICLE.replace("1.3", "１．３").replace("36", "３６").replace(
        "21.2%", "２１．２％").replace("，", ", ").encode("utf-8"),
    "13_traditional.txt": TRAD.encode("utf-8"),
    "14_traditional_big5.txt": TRAD.encode("big5", errors="replace"),
    "15_utf16_no_bom.txt": ARTICLE.encode("utf-16-le"),
    "16_nul_in_utf8.txt": ARTICLE.encode("utf-8").replace("。".encode(), b"\x00", 1),
    "17_latin1_page.txt": ("Caf\u00e9 r\u00e9sum\u00e9 na\u00efve " * 20).encode("latin-1"),
    "18_utf8_with_gbk_paragraph.txt": (
        ARTICLE.encode("utf-8") + "城中区分局推行“一村一警”机制，全区警情同比下降12%。\n".encode("gbk")),
    "19_utf8_with_stray_bytes.txt": ARTICLE.encode("utf-8").replace(
        "群众".encode(), "群众".encode() + b"\xff\xfe", 1),
    "20_control_chars.txt": ARTICLE.replace("今年以来", "今年\x07以来\x1b").encode("utf-8"),
}
for name, data in files.items():
    (out / name).write_bytes(data)
