"""The report page: where and when programmes are reported, on a map of China.

    report_data(graph) -> dict          kg.report.data
    write_report(data, stream)          kg.report.page
"""
