from django.urls import path

from labourhub.documents import apis

urlpatterns = [
    path("", apis.DocumentListApi.as_view(), name="document-list"),
    path("issue/", apis.DocumentIssueApi.as_view(), name="document-issue"),
    path("<int:document_id>/sign/", apis.DocumentSignApi.as_view(), name="document-sign"),
    path("<int:document_id>/pdf/", apis.DocumentPdfApi.as_view(), name="document-pdf"),
    path(
        "templates/<str:kind>/versions/",
        apis.DocumentTemplateSaveApi.as_view(),
        name="document-template-save",
    ),
    path("verify/<str:code>/", apis.DocumentVerifyApi.as_view(), name="document-verify"),
]
