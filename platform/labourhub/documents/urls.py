from django.urls import path

from labourhub.documents import views

app_name = "documents"

urlpatterns = [
    path("", views.document_list_view, name="list"),
    path("issue/", views.document_issue_view, name="issue"),
    path("<int:document_id>/", views.document_detail_view, name="detail"),
    path("<int:document_id>/pdf/", views.document_pdf_view, name="pdf"),
    path("<int:document_id>/sign/", views.document_sign_view, name="sign"),
    path("case-file/<str:subject_label>/<str:subject_id>/", views.case_file_view, name="case-file"),
    path("templates/", views.template_list_view, name="templates"),
    path("templates/<str:kind>/", views.template_edit_view, name="template-edit"),
    path("templates/<str:kind>/preview/", views.template_preview_view, name="template-preview"),
    path(
        "templates/<str:kind>/v<int:number>/", views.template_version_view, name="template-version"
    ),
]
